namespace Realty.Live.Web.Realtime;

/// <summary>
/// Carries committed changes to every node. In-process for a single node; <see cref="RedisEventBus"/>
/// lets several nodes hear each other's commits. Delivery is at most once: a node that missed a
/// message catches up from the database (<see cref="BoardReconciler"/>).
/// </summary>
public interface IEventBus
{
    /// <summary>Delivers to this node's handlers, then to the other nodes. Never throws for a delivery failure.</summary>
    Task PublishAsync(BoardMessage message);

    IDisposable Subscribe(Func<BoardMessage, Task> handler);
}

public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly BusHandlers _handlers = new(logger);

    public Task PublishAsync(BoardMessage message) => _handlers.DeliverAsync(message);

    public IDisposable Subscribe(Func<BoardMessage, Task> handler) => _handlers.Add(handler);
}

/// <summary>This node's handlers of bus messages, called one after the other, each failure logged and contained.</summary>
public sealed class BusHandlers(ILogger logger)
{
    private readonly Lock _gate = new();
    private Func<BoardMessage, Task>[] _handlers = [];

    public async Task DeliverAsync(BoardMessage message)
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

    public IDisposable Add(Func<BoardMessage, Task> handler)
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
