using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Replay;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Replay;

/// <summary>The player alone, over a day written by hand: no database, no clock, no waiting.</summary>
public sealed class ReplayPlayerTests
{
    private const int A = 1;
    private const int B = 2;
    private const int C = 3;

    private static readonly DateTime Start = new(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc);

    // 00:00:30 A held; 00:10:00 A subscribed and B held at the same instant (A's written first); 02:00:00 B released.
    private static readonly ReplayDay Day = new(
        7,
        "滨江花园",
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
        new DateOnly(2026, 11, 21),
        Start,
        Start.AddDays(1),
        [new BuildingGrid(10, "1#", [1], ["01", "02", "03"], new Dictionary<(int, string), int> { [(1, "01")] = A, [(1, "02")] = B, [(1, "03")] = C })],
        [Cell(A, "01"), Cell(B, "02"), Cell(C, "03")],
        [
            Event(101, A, UnitAction.Hold, UnitStatus.Available, UnitStatus.Held, TimeSpan.FromSeconds(30)),
            Event(102, A, UnitAction.Subscribe, UnitStatus.Held, UnitStatus.Subscribed, TimeSpan.FromMinutes(10)),
            Event(103, B, UnitAction.Hold, UnitStatus.Available, UnitStatus.Held, TimeSpan.FromMinutes(10)),
            Event(104, B, UnitAction.Release, UnitStatus.Held, UnitStatus.Available, TimeSpan.FromHours(2)),
        ]);

    [Fact]
    public void StartsAtMidnightWithTheDaysStartingState()
    {
        var player = new ReplayPlayer(Day);

        Assert.Equal((Start, 0), (player.Position, player.Played));
        Assert.Equal([UnitStatus.Available, UnitStatus.Available, UnitStatus.Available], Statuses(player));
        Assert.Equal("00:00:00", Day.Clock(player.Position));
    }

    [Fact]
    public void OneRealSecondAtSixtyTimesPlaysAMinute()
    {
        var player = new ReplayPlayer(Day);

        player.Advance(TimeSpan.FromSeconds(1), 60);

        Assert.Equal(Start.AddMinutes(1), player.Position);
        Assert.Equal("00:01:00", Day.Clock(player.Position));
        Assert.Equal(1, player.Played);
        Assert.Equal([UnitStatus.Held, UnitStatus.Available, UnitStatus.Available], Statuses(player));
    }

    [Theory]
    [InlineData(1, "00:00:25", 0)]
    [InlineData(10, "00:04:10", 1)]
    [InlineData(60, "00:25:00", 3)]
    [InlineData(600, "04:10:00", 4)]
    public void TheSpeedSetsHowMuchOfTheDayRealTimeCovers(int speed, string clock, int played)
    {
        var player = new ReplayPlayer(Day);

        player.Advance(TimeSpan.FromSeconds(20), speed);
        player.Advance(TimeSpan.FromSeconds(5), speed);

        Assert.Equal((clock, played), (Day.Clock(player.Position), player.Played));
    }

    [Fact]
    public void EventsOfTheSameInstantArePlayedTogetherInTheOrderTheyWereWritten()
    {
        var player = new ReplayPlayer(Day);

        player.MoveTo(Start.AddMinutes(10));

        Assert.Equal([103L, 102L, 101L], player.Latest(10).Select(e => e.Id));
        Assert.Equal([UnitStatus.Subscribed, UnitStatus.Held, UnitStatus.Available], Statuses(player));
    }

    [Fact]
    public void JumpingToTheNextEventSkipsTheQuietTime()
    {
        var player = new ReplayPlayer(Day);

        Assert.True(player.StepToNext());
        Assert.Equal(("00:00:30", 1), (Day.Clock(player.Position), player.Played));
        Assert.True(player.StepToNext());
        Assert.Equal(("00:10:00", 3), (Day.Clock(player.Position), player.Played));
        Assert.True(player.StepToNext());
        Assert.Equal(("02:00:00", 4), (Day.Clock(player.Position), player.Played));

        Assert.False(player.StepToNext());
        Assert.Equal(("02:00:00", 4), (Day.Clock(player.Position), player.Played));
    }

    [Fact]
    public void ScrubbingBackShowsTheBoardAsItWasThen()
    {
        var player = new ReplayPlayer(Day);
        player.MoveTo(Start.AddHours(3));
        Assert.Equal([UnitStatus.Subscribed, UnitStatus.Available, UnitStatus.Available], Statuses(player));

        player.MoveTo(Start.AddMinutes(5));

        Assert.Equal(1, player.Played);
        Assert.Equal([UnitStatus.Held, UnitStatus.Available, UnitStatus.Available], Statuses(player));
        Assert.Equal(102, player.Next!.Id);
    }

    [Fact]
    public void PlayStopsAtTheEndOfTheDay()
    {
        var player = new ReplayPlayer(Day);

        player.Advance(TimeSpan.FromMinutes(10), 600);

        Assert.True(player.AtEnd);
        Assert.Equal((Day.EndUtc, "24:00:00"), (player.Position, Day.Clock(player.Position)));
    }

    [Fact]
    public void TheUnitsChangedAMomentAgoAreThoseOfTheLastReplayedSeconds()
    {
        var player = new ReplayPlayer(Day);
        player.MoveTo(Start.AddMinutes(10).AddSeconds(3));

        Assert.Equal([A, B], player.ChangedWithin(TimeSpan.FromSeconds(5)).Order());
        Assert.Empty(player.ChangedWithin(TimeSpan.FromSeconds(2)));
        Assert.Equal([A, B], player.ChangedWithin(TimeSpan.FromMinutes(30)).Order());
    }

    [Fact]
    public void EachEventCountsAsANewVersionOfItsCell()
    {
        var player = new ReplayPlayer(Day);

        player.MoveTo(Start.AddMinutes(10));

        Assert.Equal([2, 3, 0], player.Board.Cells().OrderBy(c => c.Id).Select(c => c.Version));
        Assert.Equal([0, 1, 0, 1, 0, 1, 0], player.Board.Counts(10));
    }

    private static UnitStatus[] Statuses(ReplayPlayer player) => [.. player.Board.Cells().OrderBy(c => c.Id).Select(c => c.Status)];

    private static UnitCell Cell(int id, string stack) => new(id, $"1#-1{stack}", 10, 1, stack, "A", 89m, 3_600_000m, UnitStatus.Available, 0);

    private static ReplayEvent Event(long id, int unitId, UnitAction action, UnitStatus from, UnitStatus to, TimeSpan after) =>
        new(id, unitId, $"1#-10{unitId}", 10, action, from, to, "王芳", Start + after);
}
