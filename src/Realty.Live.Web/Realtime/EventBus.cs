namespace Realty.Live.Web.Realtime;

/// <summary>
/// Carries committed changes to every node. In-process for a single node; a broker-backed
/// implementation lets several nodes hear each other's commits.
/// </summary>
public interface IEventBus
{
    Task PublishAsync(BoardMessage message);

    IDisposable Subscribe(Func<BoardMessage, Task> handler);
}

public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly Lock _gate = new();
    private Func<BoardMessage, Task>[] _handlers = [];

    public async Task PublishAsync(BoardMessage message)
    {
        // Handlers run outside the lock: a slow one must not block subscribing or another publish.
        Func<BoardMessage, Task>[] handlers;
        lock (_gate)
        {
            handlers = _handlers;
        }
        foreach (var handler in handlers)
        {
            try
            {
                await handler(message);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A board message handler failed for {Message}", message);
            }
        }
    }

    public IDisposable Subscribe(Func<BoardMessage, Task> handler)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }
        return new Subscription(() =>
        {
            lock (_gate)
            {
                _handlers = [.. _handlers.Where(h => h != handler)];
            }
        });
    }
}

/// <summary>Runs an action once when disposed.</summary>
public sealed class Subscription(Action unsubscribe) : IDisposable
{
    private Action? _unsubscribe = unsubscribe;

    public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
}
