using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Opening;

/// <summary>
/// The opening as the walls of this node show it. A thousand walls hear each change at once; they share
/// one load of the state per change instead of asking the database a thousand times. A load is kept
/// for the change that caused it (the same message object reaches every wall of the node), and for a
/// short while at most, so a message lost between nodes heals by itself.
/// </summary>
public sealed class OpeningWatch(OpeningService opening, BoardState boards, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, Loaded> _loaded = [];
    private readonly Dictionary<int, IDisposable> _listening = [];

    /// <summary>The state now: the shared copy while it is fresh, else loaded afresh.</summary>
    public Task<OpeningState?> CurrentAsync(int projectId)
    {
        lock (_gate)
        {
            if (_loaded.TryGetValue(projectId, out var loaded) && !loaded.State.IsFaulted && clock.GetUtcNow() - loaded.At < FreshFor)
            {
                return loaded.State;
            }
            return Load(projectId, null);
        }
    }

    /// <summary>The state after a change: loaded once for that change, whichever wall asks first.</summary>
    public Task<OpeningState?> AfterAsync(OpeningChanged change)
    {
        lock (_gate)
        {
            if (_loaded.TryGetValue(change.ProjectId, out var loaded) && ReferenceEquals(loaded.Cause, change) && !loaded.State.IsFaulted)
            {
                return loaded.State;
            }
            return Load(change.ProjectId, change);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var subscription in _listening.Values)
            {
                subscription.Dispose();
            }
            _listening.Clear();
        }
    }

    private Task<OpeningState?> Load(int projectId, OpeningChanged? cause)
    {
        // The copy must follow changes even while no wall is open to hear them: a wall opened later reads it.
        if (!_listening.ContainsKey(projectId))
        {
            _listening[projectId] = boards.Subscribe(projectId, messages =>
            {
                if (messages.OfType<OpeningChanged>().LastOrDefault() is { } last)
                {
                    _ = AfterAsync(last);
                }
            });
        }
        // Off the lock: opening a connection can take a moment.
        var state = Task.Run(() => opening.StateAsync(projectId));
        _loaded[projectId] = new Loaded(cause, clock.GetUtcNow(), state);
        return state;
    }

    private sealed record Loaded(OpeningChanged? Cause, DateTimeOffset At, Task<OpeningState?> State);
}
