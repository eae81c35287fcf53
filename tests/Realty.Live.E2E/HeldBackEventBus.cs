using Realty.Live.Web.Realtime;

namespace Realty.Live.E2E;

/// <summary>
/// The app's in-process bus with a pause button. On one node a broadcast reaches every board within
/// milliseconds, so "the other agent's sheet still shows the old version" only happens when two taps
/// land at the same moment, or when the message is still travelling between nodes. Holding the
/// broadcasts back recreates that moment on purpose, so the race test is not left to thread timing.
/// </summary>
public sealed class HeldBackEventBus(InProcessEventBus inner) : IEventBus
{
    private readonly Lock _gate = new();
    private List<BoardMessage>? _held;

    public Task PublishAsync(BoardMessage message)
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                _held.Add(message);
                return Task.CompletedTask;
            }
        }
        return inner.PublishAsync(message);
    }

    public IDisposable Subscribe(Func<BoardMessage, Task> handler) => inner.Subscribe(handler);

    /// <summary>Keeps every broadcast until the returned handle is disposed, then delivers them in order.</summary>
    public IAsyncDisposable HoldBack()
    {
        lock (_gate)
        {
            _held = [];
        }
        return new Resume(this);
    }

    private async Task DeliverHeldAsync()
    {
        List<BoardMessage> held;
        lock (_gate)
        {
            held = _held ?? [];
            _held = null;
        }
        foreach (var message in held)
        {
            await inner.PublishAsync(message);
        }
    }

    private sealed class Resume(HeldBackEventBus bus) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await bus.DeliverHeldAsync();
    }
}
