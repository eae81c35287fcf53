using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Support;

/// <summary>A real subscriber on the event bus that keeps what was published, in order.</summary>
public sealed class BusRecorder : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<BoardMessage> _messages = [];
    private readonly IDisposable _subscription;

    public BusRecorder(IEventBus bus) => _subscription = bus.Subscribe(message =>
    {
        lock (_gate)
        {
            _messages.Add(message);
        }
        return Task.CompletedTask;
    });

    public IReadOnlyList<BoardMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public IReadOnlyList<T> Of<T>()
        where T : BoardMessage => [.. Messages.OfType<T>()];

    public void Dispose() => _subscription.Dispose();
}
