using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Realty.Live.Web.Domain;

namespace Realty.Live.Bench;

/// <summary>What <c>/hubs/board</c> sends for every committed change.</summary>
public sealed record UnitChangedMessage(int UnitId, string Code, string Status, int Version, string By, DateTime At);

/// <summary>
/// A plain SignalR subscriber of the board hub, as an LED wall or another system would be: the
/// transport floor that the Blazor boards are compared with, since it skips rendering altogether.
/// </summary>
public sealed class HubBoardClient(Uri baseAddress, string displayToken, BoardLog log) : IAsyncDisposable
{
    private HubConnection? _hub;

    public BoardLog Log { get; } = log;

    public bool IsConnected => _hub?.State == HubConnectionState.Connected;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/board"), o => o.Transports = HttpTransportType.WebSockets)
            .Build();
        _hub.ServerTimeout = TimeSpan.FromMinutes(2);
        _hub.On<UnitChangedMessage>("UnitChanged", m =>
        {
            var at = DateTime.UtcNow.Ticks;
            if (Enum.TryParse<UnitStatus>(m.Status, ignoreCase: true, out var status))
            {
                Log.Add(new Seen(m.UnitId, status, m.Version, at));
            }
        });
        await _hub.StartAsync(cancellationToken);
        await _hub.InvokeAsync<int>("WatchDisplay", displayToken, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
