using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Replay;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Replay;

public sealed class ReplayServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private ReplayService Replays => _app.Service<ReplayService>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ReplayHistory.Project);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheDayRunsFromOneProjectLocalMidnightToTheNext()
    {
        var day = await LoadAsync(ReplayHistory.Day);

        Assert.Equal((ReplayHistory.DayStarts, ReplayHistory.DayEnds), (day.StartUtc, day.EndUtc));
        Assert.Equal(("00:00:00", "24:00:00"), (day.Clock(day.StartUtc), day.Clock(day.EndUtc)));
    }

    [Fact]
    public async Task EachUnitStartsTheDayAsTheLogSaysItStoodAtMidnight()
    {
        var day = await LoadAsync(ReplayHistory.Day);

        var start = day.Start.ToDictionary(c => c.Code, c => c.Status);
        Assert.Equal(UnitStatus.Held, start["1#-101"]);        // held at 23:59 the evening before
        Assert.Equal(UnitStatus.Available, start["1#-102"]);   // no events at all: as it is now
        Assert.Equal(UnitStatus.Unreleased, start["2#-101"]);  // no events at all: as it is now
        Assert.Equal(UnitStatus.Unreleased, start["1#-201"]);  // first event after the day: its From, not today's Available
        Assert.Equal(UnitStatus.Held, start["1#-202"]);
        Assert.Equal(UnitStatus.Available, start["1#-302"]);   // only an unwiped rehearsal ever held it
        Assert.Equal(UnitStatus.Signed, start["1#-401"]);
        Assert.Equal(UnitStatus.Available, start["1#-402"]);   // withheld on the stroke of midnight: played, not the start
        Assert.Equal(UnitStatus.Available, start["1#-701"]);   // held only the day after
        Assert.Equal(18, start.Values.Count(s => s == UnitStatus.Available));
        Assert.All(day.Start, c => Assert.Equal(0, c.Version));
    }

    [Fact]
    public async Task EveryUnitsStatusAtAnInstantIsReadInOneQuery()
    {
        var commands = new CommandCounter();
        await using var db = _app.Database.Factory(commands).CreateDbContext();

        var start = await ReplayService.StatusAtAsync(db, _project.Id, ReplayHistory.DayStarts);

        Assert.Equal(1, commands.Count);
        Assert.Equal(23, start.Count);
        Assert.Equal(UnitStatus.Held, start[_project.UnitId("1#-101")]);
    }

    [Fact]
    public async Task TheDaysEventsArePlayedInOrderWithoutTheRehearsal()
    {
        var day = await LoadAsync(ReplayHistory.Day);

        Assert.Equal(
            [("1#-402", UnitAction.Withhold), ("1#-101", UnitAction.Subscribe), ("1#-202", UnitAction.Release), ("1#-601", UnitAction.Hold)],
            day.Events.Select(e => (e.UnitCode, e.Action)));
        var subscribed = day.Events[1];
        Assert.Equal((UnitStatus.Held, UnitStatus.Subscribed, People.Wang.Name, ReplayHistory.Subscribed, _project.Buildings["1#"]),
            (subscribed.From, subscribed.To, subscribed.By, subscribed.At, subscribed.BuildingId));
        Assert.False(day.Truncated);
    }

    [Fact]
    public async Task TheDayBeforeEndsAsTheDayStarts()
    {
        var before = await LoadAsync(ReplayHistory.Day.AddDays(-1));
        var player = new ReplayPlayer(before);

        player.MoveTo(before.EndUtc);

        var day = await LoadAsync(ReplayHistory.Day);
        Assert.Equal(day.Start.ToDictionary(c => c.Id, c => c.Status), player.Board.Cells().ToDictionary(c => c.Id, c => c.Status));
        Assert.Equal([("1#-101", UnitAction.Hold)], before.Events.Select(e => (e.UnitCode, e.Action)));
    }

    [Fact]
    public async Task PlayingTheWholeDayEndsWhereTheLogSaysTheNextDayStarts()
    {
        var day = await LoadAsync(ReplayHistory.Day);
        var player = new ReplayPlayer(day);

        player.MoveTo(day.EndUtc);

        var next = await LoadAsync(ReplayHistory.Day.AddDays(1));
        Assert.Equal(next.Start.ToDictionary(c => c.Id, c => c.Status), player.Board.Cells().ToDictionary(c => c.Id, c => c.Status));
        Assert.Equal(UnitStatus.Subscribed, player.Board.Cell(_project.UnitId("1#-101"))!.Status);
    }

    [Fact]
    public async Task TodayIsPlayedUpToNow()
    {
        var today = await Replays.TodayAsync(_project.Id);

        var day = await LoadAsync(today!.Value);

        Assert.Equal(ReplayHistory.Day.AddDays(1), today);
        Assert.Equal(_app.Now, day.EndUtc);
        Assert.Equal([("1#-701", UnitAction.Hold), ("1#-201", UnitAction.Publish)], day.Events.Select(e => (e.UnitCode, e.Action)));
    }

    [Fact]
    public async Task ADayNotYetBegunIsRefused()
    {
        var result = await Replays.LoadAsync(_project.Id, ReplayHistory.Day.AddDays(2), People.Chen);

        Assert.Equal(L.T("replay.future", L.Date(ReplayHistory.Day.AddDays(2))), Assert.IsType<ReplayResult.Refused>(result).Message);
    }

    [Fact]
    public async Task AnAgentCannotReplay()
    {
        var result = await Replays.LoadAsync(_project.Id, ReplayHistory.Day, People.Wang);

        Assert.Equal(L.T("replay.managerOnly"), Assert.IsType<ReplayResult.Refused>(result).Message);
    }

    [Fact]
    public async Task AnUnknownProjectIsRefused()
    {
        var result = await Replays.LoadAsync(_project.Id + 1, ReplayHistory.Day, People.Chen);

        Assert.Equal(L.T("replay.noProject"), Assert.IsType<ReplayResult.Refused>(result).Message);
    }

    private async Task<ReplayDay> LoadAsync(DateOnly day) =>
        Assert.IsType<ReplayResult.Ready>(await Replays.LoadAsync(_project.Id, day, People.Chen)).Day;

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
