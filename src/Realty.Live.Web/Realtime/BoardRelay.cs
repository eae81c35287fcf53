using Microsoft.AspNetCore.SignalR;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Realtime;

/// <summary>Connects the event bus to this node's listeners: the board state and the hub's clients.</summary>
public sealed class BoardRelay(IEventBus bus, BoardState boards, IHubContext<BoardHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(async message =>
        {
            await boards.ApplyAsync(message);
            if (message is UnitChanged c)
            {
                await hub.Clients.Group(BoardHub.Group(c.ProjectId))
                    .SendAsync("UnitChanged", new UnitChangedMessage(c.UnitId, c.Code, c.Status.ToWire(), c.Version, c.By, c.At));
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
