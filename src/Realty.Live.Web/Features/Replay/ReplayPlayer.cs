using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Replay;

/// <summary>
/// Plays a day back, without a clock of its own: whoever drives it (the page's timer, a test) says how
/// far to go. After every move the board shows each unit as it stood at <see cref="Position"/>: the
/// day's start state with every event at or before that instant applied, in order.
/// </summary>
public sealed class ReplayPlayer
{
    private readonly ReplayDay _day;
    private int _played;

    public ReplayPlayer(ReplayDay day)
    {
        _day = day;
        Board = Fresh();
        Position = day.StartUtc;
        MoveTo(day.StartUtc);
    }

    public ReplayDay Day => _day;

    /// <summary>The replayed board; a new one after a move back in time.</summary>
    public ProjectBoard Board { get; private set; }

    /// <summary>The replayed instant (UTC).</summary>
    public DateTime Position { get; private set; }

    /// <summary>How many of the day's events have been played.</summary>
    public int Played => _played;

    /// <summary>The next event to play, if any is left.</summary>
    public ReplayEvent? Next => _played < _day.Events.Count ? _day.Events[_played] : null;

    public bool AtEnd => Position >= _day.EndUtc;

    /// <summary>Goes to an instant of the day (clamped to it), forwards by playing, backwards by starting over.</summary>
    public void MoveTo(DateTime instant)
    {
        instant = instant < _day.StartUtc ? _day.StartUtc : instant > _day.EndUtc ? _day.EndUtc : instant;
        if (instant < Position)
        {
            Board = Fresh();
            _played = 0;
        }
        while (_played < _day.Events.Count && _day.Events[_played].At <= instant)
        {
            var e = _day.Events[_played];
            _played++;
            // The position in the day stands for the version: the board applies each event once, in order.
            Board.Apply(new UnitChanged(_day.ProjectId, e.UnitId, e.UnitCode, e.BuildingId, e.Action, e.From, e.To, _played, e.By, e.At));
        }
        Position = instant;
    }

    /// <summary>Moves on by real time elapsed at a speed: one real second at ×60 is a replayed minute.</summary>
    public void Advance(TimeSpan elapsed, int speed) => MoveTo(Position + elapsed * speed);

    /// <summary>Jumps to the next event's instant, playing it and any other of the same instant; false when none is left.</summary>
    public bool StepToNext()
    {
        if (Next is not { } next)
        {
            return false;
        }
        MoveTo(next.At);
        return true;
    }

    /// <summary>The events played, newest first.</summary>
    public IReadOnlyList<ReplayEvent> Latest(int count)
    {
        var latest = new List<ReplayEvent>(Math.Min(count, _played));
        for (var i = _played - 1; i >= 0 && latest.Count < count; i--)
        {
            latest.Add(_day.Events[i]);
        }
        return latest;
    }

    /// <summary>The units an event changed within the last <paramref name="window"/> of replayed time.</summary>
    public IReadOnlySet<int> ChangedWithin(TimeSpan window)
    {
        var changed = new HashSet<int>();
        for (var i = _played - 1; i >= 0 && _day.Events[i].At > Position - window; i--)
        {
            changed.Add(_day.Events[i].UnitId);
        }
        return changed;
    }

    private ProjectBoard Fresh() => new(_day.ProjectId, _day.ProjectName, _day.Buildings, _day.Start, []);
}
