using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Features.Replay;

/// <summary>
/// A hand-written event log around one day, 21 November 2026 in the sales office (Asia/Shanghai,
/// UTC+8): the day runs from 20 Nov 16:00 to 21 Nov 16:00 UTC. The tests' "now" is 22 Nov 10:00 local,
/// so the day is yesterday.
/// </summary>
public static class ReplayHistory
{
    public static readonly DateOnly Day = new(2026, 11, 21);

    public static readonly DateTime DayStarts = Utc(11, 20, 16, 0);

    public static readonly DateTime DayEnds = Utc(11, 21, 16, 0);

    /// <summary>Withheld on the stroke of midnight: the day's first event.</summary>
    public static readonly DateTime Midnight = DayStarts;

    /// <summary>00:01 local: 1#-101, held a minute before midnight, is subscribed.</summary>
    public static readonly DateTime Subscribed = Utc(11, 20, 16, 1);

    /// <summary>11:00 local: 1#-202's hold of two days is released.</summary>
    public static readonly DateTime Released = Utc(11, 21, 3, 0);

    /// <summary>11:00 local too, written after the release: 1#-601 is held by another agent.</summary>
    public static readonly DateTime HeldAtEleven = Released;

    public static ProjectBuilder Project => ProjectBuilder.ATenFloorTower()
        .WithBuilding("2#", 3, ("01", "C"))
        .Unreleased("1#-201", "2#-101")
        // Held at 23:59 the evening before, subscribed at 00:01: the day starts with it held.
        .With("1#-101", (unit, _) => unit.Hold(People.Wang, Customers.Zhang, Utc(11, 20, 15, 59), TimeSpan.FromMinutes(30)))
        .With("1#-101", (unit, _) => unit.SubscribeAtList(People.Wang, null, Subscribed))
        // Published only the morning after the day: it was still unreleased, whatever it is now.
        .With("1#-201", (unit, _) => unit.Publish(People.Chen, Utc(11, 21, 17, 0)))
        .With("1#-202", (unit, _) => unit.Hold(People.Li, Customers.Zhao, Utc(11, 19, 2, 0), TimeSpan.FromMinutes(30)))
        .With("1#-202", (unit, _) => unit.Release(People.Li, Released))
        // A rehearsal during the day, wiped the same day: nothing of it is played.
        .With("1#-301", (unit, _) => unit.Hold(People.Li, Customers.Zhao, Utc(11, 21, 1, 0), TimeSpan.FromMinutes(30), rehearsal: true))
        .With("1#-301", (unit, _) => unit.Reset(Utc(11, 21, 2, 0)))
        // A rehearsal before the day, never wiped: the unit reads as it was before it, not "held".
        .With("1#-302", (unit, _) => unit.Hold(People.Li, Customers.Zhao, Utc(11, 19, 1, 0), TimeSpan.FromMinutes(30), rehearsal: true))
        .With("1#-401", (unit, _) => unit.SignAtList(People.Li, Customers.Zhao, Utc(11, 18, 3, 0)))
        .With("1#-402", (unit, _) => unit.Withhold(People.Chen, "领导保留", Midnight))
        .With("1#-601", (unit, _) => unit.Hold(People.Wang, Customers.Zhang, HeldAtEleven, TimeSpan.FromMinutes(30)))
        // The day after: not played, and not part of the day's start either.
        .With("1#-701", (unit, _) => unit.Hold(People.Wang, Customers.Zhang, Utc(11, 21, 16, 0), TimeSpan.FromMinutes(30)));

    private static DateTime Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);
}
