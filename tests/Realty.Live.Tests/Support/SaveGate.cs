using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Realty.Live.Tests.Support;

/// <summary>
/// Holds every save back until <paramref name="contenders"/> saves are waiting, so each of them has
/// read the unit before anyone writes: the worst interleaving, every time. It waits before the
/// transaction starts, so the writers then really meet in the database.
/// </summary>
public sealed class SaveGate(int contenders) : SaveChangesInterceptor
{
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>How many saves reached the gate: every contender that got past its read.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _arrived) == contenders)
        {
            _allArrived.SetResult();
        }
        // A contender that never arrives would otherwise hang the run; fail loudly instead.
        await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        return result;
    }
}
