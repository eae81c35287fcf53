using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Presence;

/// <summary>
/// Connects the presence tracker to the event bus and keeps its rhythm: a flush of what changed every
/// <see cref="PresenceSettings.FlushEvery"/>, and every <see cref="PresenceSettings.SnapshotEvery"/> the
/// node's whole picture repeated and the reports of silent nodes dropped.
/// </summary>
public sealed class PresenceRelay(IEventBus bus, PresenceTracker tracker, TimeProvider clock, ILogger<PresenceRelay> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private Task _loop = Task.CompletedTask;

    /// <summary>Listening and the timer start before this returns, so a test's clock moves the very first tick.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(tracker.ReceiveAsync);
        var timer = new PeriodicTimer(tracker.Settings.FlushEvery, clock);
        _loop = RunAsync(timer, _stop.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _stop.CancelAsync();
        await _loop;
    }

    /// <summary>
    /// Stops without waiting: the loop ends at its next await. The container disposes the relay twice (as
    /// itself and as the hosted service it hands out), so this must bear repeating: the token source, which
    /// has no timer, is cancelled but never disposed.
    /// </summary>
    public void Dispose()
    {
        _subscription?.Dispose();
        _stop.Cancel();
    }

    private async Task RunAsync(PeriodicTimer timer, CancellationToken stop)
    {
        using var _ = timer;
        var snapshotAt = clock.GetUtcNow() + tracker.Settings.SnapshotEvery;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (clock.GetUtcNow() >= snapshotAt)
                    {
                        snapshotAt = clock.GetUtcNow() + tracker.Settings.SnapshotEvery;
                        tracker.Expire();
                        await tracker.PublishSnapshotAsync();
                    }
                    await tracker.FlushAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next tick tries again; presence is a nicety, never worth stopping for.
                    logger.LogWarning(ex, "Presence could not be sent");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
