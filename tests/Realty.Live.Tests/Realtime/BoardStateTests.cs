using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Realtime;

public sealed class BoardStateTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    public async Task InitializeAsync() =>
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower()
            .WithBuilding("2#", 3, ("01", "C"))
            .Unreleased("2#-101", "2#-201", "2#-301")
            .With("1#-101", (unit, now) => unit.SignAtList(People.Wang, Customers.Zhang, now))
            .With("1#-102", (unit, now) => unit.Hold(People.Li, Customers.Zhao, now, TimeSpan.FromMinutes(30))));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LoadsTheProjectsGridsCountsAndTicker()
    {
        var board = (await _app.Boards.GetAsync(_project.Id))!;

        Assert.Equal(["1#", "2#"], board.Buildings.Select(b => b.Name));
        var tower = board.Buildings[0];
        Assert.Equal([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], tower.Floors);
        Assert.Equal(["01", "02"], tower.Stacks);
        Assert.Equal(_project.UnitId("1#-502"), tower.UnitAt(5, "02"));
        Assert.Null(tower.UnitAt(11, "01"));
        Assert.Equal(Counts(available: 18, held: 1, signed: 1), board.Counts(_project.Buildings["1#"]));
        Assert.Equal(Counts(unreleased: 3), board.Counts(_project.Buildings["2#"]));
        Assert.Equal(Counts(available: 18, held: 1, signed: 1, unreleased: 3), board.Counts());
        Assert.Equal(["1#-102", "1#-101"], board.Ticker().Select(t => t.Code));
        Assert.Equal(new UnitCell(_project.UnitId("1#-101"), "1#-101", _project.Buildings["1#"], 1, "01", "A", 89m, 40_150m * 89, UnitStatus.Signed, 2), board.Cell(_project.UnitId("1#-101")));
    }

    [Fact]
    public async Task TheTickerListsTransitionsByWhenTheyHappenedNotByWhenTheyWereWritten()
    {
        await using var app = new ServiceHarness();
        var project = await app.SeedAsync(ProjectBuilder.ATenFloorTower()
            .With("1#-101", (unit, now) => unit.SignAtList(People.Wang, Customers.Zhang, now.AddDays(-3)))
            .With("1#-201", (unit, now) => unit.SignAtList(People.Wang, Customers.Zhao, now.AddDays(-1)))
            .With("1#-301", (unit, now) => unit.SignAtList(People.Li, Customers.Zhang, now.AddDays(-2))));

        var board = (await app.Boards.GetAsync(project.Id))!;

        Assert.Equal(["1#-201", "1#-301", "1#-101"], board.Ticker().Select(t => t.Code));
    }

    [Fact]
    public async Task TheSnapshotIsLoadedOnceAndShared()
    {
        var first = await _app.Boards.GetAsync(_project.Id);
        var second = await _app.Boards.GetAsync(_project.Id);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task AnUnknownProjectHasNoBoard()
    {
        Assert.Null(await _app.Boards.GetAsync(987_654));
    }

    [Fact]
    public async Task AppliesAChangeToTheCellCountsAndTickerAndTellsListeners()
    {
        var board = (await _app.Boards.GetAsync(_project.Id))!;
        var heard = new Heard();
        using var _ = _app.Boards.Subscribe(_project.Id, heard.Add);
        var change = Change("1#-501", UnitStatus.Available, UnitStatus.Subscribed, version: 2);

        await _app.Boards.ApplyAsync(change);

        Assert.Equal((UnitStatus.Subscribed, 2), (board.Cell(change.UnitId)!.Status, board.Cell(change.UnitId)!.Version));
        Assert.Equal(Counts(available: 17, held: 1, subscribed: 1, signed: 1), board.Counts(_project.Buildings["1#"]));
        Assert.Same(change, board.Ticker()[0]);
        Assert.Same(change, Assert.Single(await heard.WaitForAsync(1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task IgnoresAChangeItAlreadyHasOrAnOlderOne(int staleVersion)
    {
        var board = (await _app.Boards.GetAsync(_project.Id))!;
        await _app.Boards.ApplyAsync(Change("1#-501", UnitStatus.Available, UnitStatus.Held, version: 2));
        var heard = new Heard();
        using var _ = _app.Boards.Subscribe(_project.Id, heard.Add);

        await _app.Boards.ApplyAsync(Change("1#-501", UnitStatus.Available, UnitStatus.Signed, version: staleVersion));
        // A listener hears in order: once this arrives, anything told before it has arrived too.
        var marker = new DisplayRevoked(_project.Id, "marker");
        await _app.Boards.ApplyAsync(marker);

        Assert.Equal((UnitStatus.Held, 2), (board.Cell(_project.UnitId("1#-501"))!.Status, board.Cell(_project.UnitId("1#-501"))!.Version));
        Assert.Equal(Counts(available: 17, held: 2, signed: 1), board.Counts(_project.Buildings["1#"]));
        Assert.Equal("1#-501", board.Ticker()[0].Code);
        Assert.Equal(3, board.Ticker().Count);
        Assert.Same(marker, Assert.Single(await heard.WaitForAsync(1)));
    }

    [Fact]
    public async Task ACommittedChangeReachesTheBoardThroughTheBus()
    {
        var board = (await _app.Boards.GetAsync(_project.Id))!;
        var unitId = _project.UnitId("1#-501");

        await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone), People.Wang);

        Assert.Equal((UnitStatus.Held, 2), (board.Cell(unitId)!.Status, board.Cell(unitId)!.Version));
    }

    [Fact]
    public async Task ListenersOfOtherProjectsAndFormerListenersHearNothing()
    {
        await _app.Boards.GetAsync(_project.Id);
        var other = new Heard();
        var former = new Heard();
        var current = new Heard();
        using var otherProject = _app.Boards.Subscribe(_project.Id + 1, other.Add);
        _app.Boards.Subscribe(_project.Id, former.Add).Dispose();
        using var _ = _app.Boards.Subscribe(_project.Id, current.Add);

        await _app.Boards.ApplyAsync(Change("1#-501", UnitStatus.Available, UnitStatus.Held, version: 2));

        await current.WaitForAsync(1);
        Assert.Empty(other.Messages);
        Assert.Empty(former.Messages);
        Assert.Equal(1, _app.Boards.ListenerCount(_project.Id));
    }

    [Fact]
    public async Task ARevokedDisplayReachesListenersWithoutTouchingTheBoard()
    {
        var heard = new Heard();
        using var _ = _app.Boards.Subscribe(_project.Id, heard.Add);
        var revoked = new DisplayRevoked(_project.Id, "token");

        await _app.Boards.ApplyAsync(revoked);

        Assert.Same(revoked, Assert.Single(await heard.WaitForAsync(1)));
    }

    [Fact]
    public async Task ReconcilingCatchesUpWithCommitsTheBusNeverDeliveredAndTellsListeners()
    {
        var board = (await _app.Boards.GetAsync(_project.Id))!;
        var heard = new Heard();
        using var _ = _app.Boards.Subscribe(_project.Id, heard.Add);
        // Another node's commit whose message was lost: written to the database, never published here.
        await using (var db = _app.Open())
        {
            var unit = await db.Units.Include(u => u.Deals).SingleAsync(u => u.Id == _project.UnitId("1#-502"));
            var plan = await db.PaymentPlans.SingleAsync(p => p.Id == _project.OneOffPlanId);
            db.UnitEvents.Add(unit.SubscribeAtList(People.Li, Customers.Zhao, _app.Now, plan));
            await db.SaveChangesAsync();
        }

        var caughtUp = await _app.Boards.ReconcileAsync();

        var change = Assert.Single(caughtUp);
        Assert.Equal(("1#-502", UnitAction.Subscribe, UnitStatus.Available, UnitStatus.Subscribed, 2, People.Li.Name), (change.Code, change.Action, change.From, change.Status, change.Version, change.By));
        Assert.Equal((UnitStatus.Subscribed, 2), (board.Cell(change.UnitId)!.Status, board.Cell(change.UnitId)!.Version));
        Assert.Same(change, Assert.Single(await heard.WaitForAsync(1)));
        Assert.Empty(await _app.Boards.ReconcileAsync());
    }

    [Fact]
    public async Task ReconcilingABoardThatIsUpToDateChangesNothing()
    {
        var board = (await _app.Boards.GetAsync(_project.Id))!;
        await _app.Units.ExecuteAsync(_project.UnitId("1#-501"), UnitAction.Hold, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone), People.Wang);
        var versions = board.VersionSum;

        Assert.Empty(await _app.Boards.ReconcileAsync());
        Assert.Equal(versions, board.VersionSum);
    }

    [Fact]
    public async Task UnitsAddedToAProjectReachItsOpenBoardsAsAFreshSnapshot()
    {
        var before = (await _app.Boards.GetAsync(_project.Id))!;
        var heard = new Heard();
        using var _ = _app.Boards.Subscribe(_project.Id, heard.Add);
        var added = await AddUnitAsync("2#-401", floor: 4);

        var message = new UnitsAdded(_project.Id, 1);
        Assert.True(await _app.Boards.ApplyAsync(message));

        Assert.Same(message, Assert.Single(await heard.WaitForAsync(1)));
        var after = (await _app.Boards.GetAsync(_project.Id))!;
        Assert.Null(before.Cell(added));
        Assert.Equal((UnitStatus.Unreleased, "2#-401"), (after.Cell(added)!.Status, after.Cell(added)!.Code));
        Assert.Equal([4, 3, 2, 1], after.Buildings.Single(b => b.Name == "2#").Floors);
    }

    [Fact]
    public async Task ReconcilingFindsUnitsAddedOnANodeWhoseMessageWasLost()
    {
        await _app.Boards.GetAsync(_project.Id);
        var heard = new Heard();
        using var _ = _app.Boards.Subscribe(_project.Id, heard.Add);
        var added = await AddUnitAsync("2#-401", floor: 4);

        await _app.Boards.ReconcileAsync();

        Assert.Equal(new UnitsAdded(_project.Id, 1), Assert.Single(await heard.WaitForAsync(1)));
        Assert.NotNull((await _app.Boards.GetAsync(_project.Id))!.Cell(added));
        Assert.Empty(await _app.Boards.ReconcileAsync());
    }

    [Fact]
    public async Task AFailedLoadIsNotCached()
    {
        const int FirstProject = 1;
        using var database = TestDatabase.CreateUnmigrated();
        var boards = new BoardState(database.Factory());

        await Assert.ThrowsAnyAsync<Exception>(() => boards.GetAsync(FirstProject));
        await database.MigrateAsync();
        await ProjectBuilder.ATenFloorTower().SaveAsync(database, Moments.Start);

        var board = await boards.GetAsync(FirstProject);

        Assert.NotNull(board);
        Assert.Equal(20, board.Counts()[(int)UnitStatus.Available]);
    }

    private UnitChanged Change(string code, UnitStatus from, UnitStatus to, int version) =>
        new(_project.Id, _project.UnitId(code), code, _project.Buildings["1#"], UnitAction.Hold, from, to, version, People.Wang.Name, Moments.Start);

    private static int[] Counts(int unreleased = 0, int available = 0, int withheld = 0, int held = 0, int deposited = 0, int subscribed = 0, int signed = 0) =>
        [unreleased, available, withheld, held, deposited, subscribed, signed];

    /// <summary>A unit written straight to the database, as an import on another node would.</summary>
    private async Task<int> AddUnitAsync(string code, int floor)
    {
        await using var db = _app.Open();
        var template = await db.Units.AsNoTracking().SingleAsync(u => u.Id == _project.UnitId("2#-301"));
        var unit = new Unit
        {
            ProjectId = template.ProjectId,
            BuildingId = template.BuildingId,
            Code = code,
            Floor = floor,
            Stack = template.Stack,
            LayoutId = template.LayoutId,
            GrossArea = template.GrossArea,
            NetArea = template.NetArea,
            Orientation = template.Orientation,
            UnitPrice = template.UnitPrice,
            ListPrice = template.ListPrice,
            FloorPrice = template.FloorPrice,
        };
        unit.Initialise(UnitStatus.Unreleased, _app.Now);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }
}
