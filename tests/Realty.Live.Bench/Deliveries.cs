using Realty.Live.Web.Domain;

namespace Realty.Live.Bench;

/// <summary>A committed transition as the event log has it; <see cref="AtTicks"/> is the server's time just before the write.</summary>
public sealed record Change(int UnitId, int Version, UnitStatus To, long AtTicks);

/// <summary>Commit → board for one kind of board over one phase of the run.</summary>
public sealed record DeliveryStats(
    string Kind,
    int Boards,
    int Changes,
    long Expected,
    long Delivered,
    double CoveragePercent,
    Percentiles PerDeliveryMs,
    Percentiles AllBoardsMs,
    int ChangesOnAllBoards,
    Percentiles FromRequestStartMs);

/// <summary>
/// Matches what boards were shown against the event log. A sighting with a version (a cell, a hub
/// message) delivers that version, and any older one the board skipped at the same moment: it shows
/// the newer truth. A sighting without one (a ticker row) delivers only the newest version of that
/// unit in that status committed before it was seen; a row the ticker never showed (more changes in
/// one redraw than it has rows) stays undelivered rather than borrowing the time of a later row.
/// </summary>
public sealed class Deliveries
{
    private readonly Dictionary<int, Change?[]> _byUnit;
    private readonly Dictionary<(int UnitId, int Version), long> _requestStart;

    public Deliveries(IReadOnlyList<Change> changes, IEnumerable<Ack> acks)
    {
        _byUnit = changes.GroupBy(c => c.UnitId).ToDictionary(g => g.Key, g =>
        {
            var versions = new Change?[g.Max(c => c.Version) + 1];
            foreach (var c in g)
            {
                versions[c.Version] = c;
            }
            return versions;
        });
        _requestStart = acks.GroupBy(a => (a.UnitId, a.Version)).ToDictionary(g => g.Key, g => g.First().RequestStartTicks);
    }

    public DeliveryStats Measure(string kind, IReadOnlyList<BoardLog> logs, Func<Change, bool> inPhase)
    {
        var phase = _byUnit.Values.SelectMany(v => v).OfType<Change>().Where(inPhase).ToList();
        var reached = phase.ToDictionary(c => c, _ => (Boards: 0, LastTicks: 0L));
        var perDelivery = new List<double>();
        var fromRequest = new List<double>();
        foreach (var log in logs)
        {
            var shown = new Dictionary<int, int>();
            foreach (var seen in log.Snapshot())
            {
                if (!_byUnit.TryGetValue(seen.UnitId, out var versions))
                {
                    continue;
                }
                var current = shown.GetValueOrDefault(seen.UnitId, 1);
                var target = seen.Version > 0 ? Math.Min(seen.Version, versions.Length - 1) : NewestInStatus(versions, current, seen);
                for (var v = seen.Version > 0 ? current + 1 : target; v <= target && v > current; v++)
                {
                    if (versions[v] is { } change && reached.TryGetValue(change, out var r))
                    {
                        var ms = TimeSpan.FromTicks(seen.AtTicks - change.AtTicks).TotalMilliseconds;
                        perDelivery.Add(ms);
                        if (_requestStart.TryGetValue((change.UnitId, change.Version), out var start))
                        {
                            fromRequest.Add(TimeSpan.FromTicks(seen.AtTicks - start).TotalMilliseconds);
                        }
                        reached[change] = (r.Boards + 1, Math.Max(r.LastTicks, seen.AtTicks));
                    }
                }
                if (target > current)
                {
                    shown[seen.UnitId] = target;
                }
            }
        }
        var everywhere = reached.Where(r => logs.Count > 0 && r.Value.Boards == logs.Count).ToList();
        var expected = (long)phase.Count * logs.Count;
        return new DeliveryStats(
            kind,
            logs.Count,
            phase.Count,
            expected,
            perDelivery.Count,
            expected == 0 ? 0 : Math.Round(100.0 * perDelivery.Count / expected, 2),
            Percentiles.Of(perDelivery),
            Percentiles.Of(everywhere.Select(r => TimeSpan.FromTicks(r.Value.LastTicks - r.Key.AtTicks).TotalMilliseconds)),
            everywhere.Count,
            Percentiles.Of(fromRequest));
    }

    private static int NewestInStatus(Change?[] versions, int current, Seen seen)
    {
        for (var v = versions.Length - 1; v > current; v--)
        {
            if (versions[v] is { } change && change.To == seen.Status && change.AtTicks <= seen.AtTicks)
            {
                return v;
            }
        }
        return 0;
    }
}
