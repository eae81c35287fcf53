using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Presence;

/// <summary>How often a node tells the others who is looking (<c>Presence:FlushMilliseconds</c>, <c>Presence:SnapshotSeconds</c>).</summary>
/// <param name="FlushEvery">Changes are gathered this long and sent as one message per project: a busy floor does not flood the bus.</param>
/// <param name="SnapshotEvery">Each node repeats all it knows this often; another node's report not repeated within two of these is dropped.</param>
public sealed record PresenceSettings(TimeSpan FlushEvery, TimeSpan SnapshotEvery)
{
    public PresenceSettings()
        : this(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10))
    {
    }

    /// <summary>Two missed snapshots: the node is gone (stopped, crashed, cut off) and so are its lookers.</summary>
    public TimeSpan ExpireAfter => 2 * SnapshotEvery;

    public static PresenceSettings From(IConfiguration configuration) => new(
        TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Presence:FlushMilliseconds", 500), 50, 10_000)),
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Presence:SnapshotSeconds", 10), 1, 300)));
}

/// <summary>
/// Who is looking at which unit right now: this node's agents with a unit's sheet open, merged with what
/// the other nodes report over the event bus. Counted per agent, not per tab or circuit. Ephemeral:
/// held in memory only, sent as <see cref="PresenceChanged"/> in batches (<see cref="FlushAsync"/>),
/// repeated whole now and then (<see cref="PublishSnapshotAsync"/>) so that a node that dies leaves no
/// ghosts behind once its reports stop coming (<see cref="Expire"/>).
/// </summary>
public sealed class PresenceTracker(IEventBus bus, TimeProvider clock, PresenceSettings settings) : IDisposable
{
    private static readonly IReadOnlyDictionary<int, int> Nobody = new Dictionary<int, int>();

    private readonly Lock _gate = new();

    // project → unit → agent → how many of the agent's tabs on this node have the unit open.
    private readonly Dictionary<int, Dictionary<int, Dictionary<string, int>>> _local = [];

    // Units whose set of local agents changed since the last flush, per project.
    private readonly Dictionary<int, HashSet<int>> _unsent = [];

    // Projects whose merged lookers changed since their listeners were last told.
    private readonly HashSet<int> _untold = [];

    private readonly Dictionary<(string Node, int ProjectId), Report> _remote = [];
    private readonly Dictionary<int, IReadOnlyDictionary<int, int>> _counts = [];
    private readonly BoardListeners _listeners = new();

    /// <summary>This node, as its reports name it; new at every start, so a restarted node is not its own ghost.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    public PresenceSettings Settings => settings;

    /// <summary>One browser tab's look at the board, for one agent; dispose when the tab's board goes.</summary>
    public PresenceLook Watch(string agentId) => new(this, agentId);

    /// <summary>How many distinct agents look at each unit of the project, on any node; units nobody looks at are absent.</summary>
    public IReadOnlyDictionary<int, int> Counts(int projectId)
    {
        lock (_gate)
        {
            if (_counts.TryGetValue(projectId, out var counts))
            {
                return counts;
            }
            var agents = new Dictionary<int, HashSet<string>>();
            if (_local.TryGetValue(projectId, out var local))
            {
                foreach (var (unitId, lookers) in local)
                {
                    Of(agents, unitId).UnionWith(lookers.Keys);
                }
            }
            foreach (var ((_, reportedFor), report) in _remote)
            {
                if (reportedFor == projectId)
                {
                    foreach (var (unitId, lookers) in report.Units)
                    {
                        Of(agents, unitId).UnionWith(lookers);
                    }
                }
            }
            // A new dictionary on every change: a grid tells a change from the reference alone.
            counts = agents.Count == 0 ? Nobody : agents.ToDictionary(a => a.Key, a => a.Value.Count);
            _counts[projectId] = counts;
            return counts;
        }
    }

    /// <summary>
    /// Tells the listener when the project's counts changed, at most once per flush and off the
    /// caller's thread, in the culture it subscribed in. Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(int projectId, Action listener) => _listeners.Add(projectId, _ => listener());

    /// <summary>Sends what changed here since the last flush, one message per project, and tells the listeners.</summary>
    public async Task FlushAsync()
    {
        List<PresenceChanged> outgoing = [];
        int[] untold;
        lock (_gate)
        {
            foreach (var (projectId, units) in _unsent)
            {
                var local = _local.GetValueOrDefault(projectId);
                outgoing.Add(new PresenceChanged(projectId, Node, [.. units.Order().Select(u => Lookers(local, u))], Full: false));
            }
            _unsent.Clear();
            untold = [.. _untold];
            _untold.Clear();
        }
        foreach (var message in outgoing)
        {
            await bus.PublishAsync(message);
        }
        foreach (var projectId in untold)
        {
            _listeners.Post(new CountsMoved(projectId));
        }
    }

    /// <summary>Repeats everything this node sees, per project: it keeps this node's report alive on the others.</summary>
    public async Task PublishSnapshotAsync()
    {
        List<PresenceChanged> outgoing;
        lock (_gate)
        {
            outgoing = [.. _local.Select(p => new PresenceChanged(p.Key, Node, [.. p.Value.Keys.Order().Select(u => Lookers(p.Value, u))], Full: true))];
        }
        foreach (var message in outgoing)
        {
            await bus.PublishAsync(message);
        }
    }

    /// <summary>Drops the reports of nodes that have not repeated them in time; the listeners hear at the next flush.</summary>
    public void Expire()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var (key, report) in _remote.Where(r => now - r.Value.SeenAt > settings.ExpireAfter).ToList())
            {
                _remote.Remove(key);
                Changed(key.ProjectId);
            }
        }
    }

    /// <summary>Takes in another node's report from the bus; this node's own come back too and are ignored.</summary>
    public Task ReceiveAsync(BoardMessage message)
    {
        if (message is not PresenceChanged report || report.Node == Node)
        {
            return Task.CompletedTask;
        }
        lock (_gate)
        {
            var key = (report.Node, report.ProjectId);
            if (report.Full || !_remote.TryGetValue(key, out var known))
            {
                known = new Report();
                _remote[key] = known;
            }
            foreach (var unit in report.Units)
            {
                if (unit.AgentIds.Count == 0)
                {
                    known.Units.Remove(unit.UnitId);
                }
                else
                {
                    known.Units[unit.UnitId] = [.. unit.AgentIds];
                }
            }
            known.SeenAt = clock.GetUtcNow();
            if (known.Units.Count == 0)
            {
                _remote.Remove(key);
            }
            Changed(report.ProjectId);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _listeners.Dispose();

    internal void Enter(int projectId, int unitId, string agentId)
    {
        lock (_gate)
        {
            if (!_local.TryGetValue(projectId, out var units))
            {
                _local[projectId] = units = [];
            }
            if (!units.TryGetValue(unitId, out var lookers))
            {
                units[unitId] = lookers = [];
            }
            var tabs = lookers.GetValueOrDefault(agentId) + 1;
            lookers[agentId] = tabs;
            if (tabs == 1)
            {
                Unsent(projectId, unitId);
            }
        }
    }

    internal void Leave(int projectId, int unitId, string agentId)
    {
        lock (_gate)
        {
            if (!_local.TryGetValue(projectId, out var units) || !units.TryGetValue(unitId, out var lookers) || !lookers.TryGetValue(agentId, out var tabs))
            {
                return;
            }
            if (tabs > 1)
            {
                // Another tab of the same agent still has it open: nothing anybody sees changes.
                lookers[agentId] = tabs - 1;
                return;
            }
            lookers.Remove(agentId);
            if (lookers.Count == 0)
            {
                units.Remove(unitId);
            }
            if (units.Count == 0)
            {
                _local.Remove(projectId);
            }
            Unsent(projectId, unitId);
        }
    }

    private void Unsent(int projectId, int unitId)
    {
        if (!_unsent.TryGetValue(projectId, out var units))
        {
            _unsent[projectId] = units = [];
        }
        units.Add(unitId);
        Changed(projectId);
    }

    private void Changed(int projectId)
    {
        _counts.Remove(projectId);
        _untold.Add(projectId);
    }

    private static UnitLookers Lookers(Dictionary<int, Dictionary<string, int>>? local, int unitId) =>
        new(unitId, local?.GetValueOrDefault(unitId)?.Keys.Order(StringComparer.Ordinal).ToArray() ?? []);

    private static HashSet<string> Of(Dictionary<int, HashSet<string>> agents, int unitId)
    {
        if (!agents.TryGetValue(unitId, out var set))
        {
            agents[unitId] = set = [];
        }
        return set;
    }

    private sealed class Report
    {
        public Dictionary<int, string[]> Units { get; } = [];

        public DateTimeOffset SeenAt { get; set; }
    }

    /// <summary>Wakes this node's listeners; never travels on the bus.</summary>
    private sealed record CountsMoved(int ProjectId) : BoardMessage(ProjectId);
}

/// <summary>
/// What one tab of the board has open: at most one unit at a time. Moving to another unit or closing
/// the sheet moves the look; disposing (the tab's circuit ends) takes it away.
/// </summary>
public sealed class PresenceLook(PresenceTracker tracker, string agentId) : IDisposable
{
    private readonly Lock _gate = new();
    private (int ProjectId, int UnitId)? _at;

    /// <summary>The unit whose sheet is open now; null when none is.</summary>
    public void At(int projectId, int? unitId)
    {
        (int ProjectId, int UnitId)? next = unitId is { } id ? (projectId, id) : null;
        lock (_gate)
        {
            if (_at == next)
            {
                return;
            }
            if (_at is { } was)
            {
                tracker.Leave(was.ProjectId, was.UnitId, agentId);
            }
            if (next is { } now)
            {
                tracker.Enter(now.ProjectId, now.UnitId, agentId);
            }
            _at = next;
        }
    }

    public void Dispose() => At(0, null);
}
