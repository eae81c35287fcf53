using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Realtime;

/// <summary>
/// The one place a committed change leaves the service that made it: the event bus (every node's
/// board state, so every Blazor board) and the hub (external clients; through the Redis backplane on
/// every node). Called only after the commit, and never makes it wait: hub clients are told in commit
/// order by one background loop, so a hub stalled on an unreachable Redis cannot hold up an agent.
/// </summary>
public sealed class BoardBroadcaster(IEventBus bus, IHubContext<BoardHub> hub, ILogger<BoardBroadcaster> logger) : BackgroundService
{
    // Far more than a sales office commits while Redis reconnects; beyond it the oldest news goes
    // first, and hub clients catch up from the changes the reconciler finds.
    private readonly Channel<UnitChanged> _forHub = Channel.CreateBounded<UnitChanged>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public async Task PublishAsync(BoardMessage message)
    {
        await bus.PublishAsync(message);
        if (message is UnitChanged change)
        {
            TellHub(change);
        }
    }

    /// <summary>Hub clients only: for changes this node's board state learned from the database.</summary>
    public void TellHub(UnitChanged change) => _forHub.Writer.TryWrite(change);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in _forHub.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await hub.Clients.Group(BoardHub.Group(change.ProjectId))
                    .SendAsync("UnitChanged", new UnitChangedMessage(change.UnitId, change.Code, change.Status.ToWire(), change.Version, change.By, change.At), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Hub clients were not told of {Change}", change);
            }
        }
    }
}
