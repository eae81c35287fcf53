namespace Realty.Live.Web.Realtime;

/// <summary>Connects the event bus to this node's board state, whichever node the change was committed on.</summary>
public sealed class BoardRelay(IEventBus bus, BoardState boards) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(boards.ApplyAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
