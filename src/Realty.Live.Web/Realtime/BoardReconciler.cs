namespace Realty.Live.Web.Realtime;

/// <summary>
/// The safety net under the bus: every few seconds (<c>Realtime:ReconcileSeconds</c>, default 5) each
/// loaded board is compared with the database and brought up to date, so a message lost to a Redis
/// outage or a node restart costs seconds of staleness, never a wrong board.
/// </summary>
public sealed class BoardReconciler(BoardState boards, BoardBroadcaster broadcaster, TimeProvider clock, IConfiguration configuration, ILogger<BoardReconciler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Realtime:ReconcileSeconds", 5)));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var change in await boards.ReconcileAsync(stoppingToken))
                {
                    logger.LogInformation("Caught up with {Code} v{Version} from the database", change.Code, change.Version);
                    broadcaster.TellHub(change);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unreachable; the next tick tries again.
                logger.LogWarning(ex, "Reconciling the boards with the database failed");
            }
        }
    }
}
