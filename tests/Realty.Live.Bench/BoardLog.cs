using Realty.Live.Web.Domain;

namespace Realty.Live.Bench;

/// <summary>One moment a board showed a unit: its status, its version (0 when the markup did not say) and when (UTC ticks).</summary>
public readonly record struct Seen(int UnitId, UnitStatus Status, int Version, long AtTicks);

/// <summary>Everything one board (a circuit, a hub client or a browser page) was shown, in arrival order.</summary>
public sealed class BoardLog
{
    private readonly Lock _gate = new();
    private readonly List<Seen> _seen = [];

    public void Add(Seen seen)
    {
        lock (_gate)
        {
            _seen.Add(seen);
        }
    }

    public void AddRange(List<Sighting> sightings, long atTicks)
    {
        lock (_gate)
        {
            foreach (var s in sightings)
            {
                _seen.Add(new Seen(s.UnitId, s.Status, s.Version, atTicks));
            }
        }
    }

    public IReadOnlyList<Seen> Snapshot()
    {
        lock (_gate)
        {
            return [.. _seen];
        }
    }
}
