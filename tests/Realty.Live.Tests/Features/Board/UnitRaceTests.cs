using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Board;

/// <summary>No unit is ever sold twice: many agents on one unit at once get one winner.</summary>
public sealed class UnitRaceTests : IAsyncLifetime
{
    private const int Contenders = 24;

    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    public async Task InitializeAsync() =>
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower()
            .WithBuilding("2#", 10, ("01", "B"))
            .With("1#-401", (unit, now) => unit.SignAtList(People.Li, Customers.Zhao, now)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(UnitAction.Hold, "held")]
    [InlineData(UnitAction.Sign, "signed")]
    [InlineData(UnitAction.Withhold, "withheld")]
    public async Task EveryoneWhoSawTheSameVersionActsAtOnceAndOneWinsTheRestConflict(UnitAction action, string status)
    {
        var unitId = _project.UnitId("1#-501");
        var gate = new SaveGate(Contenders);
        var racing = _app.UnitsOver(_app.Database.Factory(gate));
        // Withholding is for managers, and has no deal: there only the version guards the unit.
        var people = Enumerable.Range(1, Contenders).Select(i => new Actor($"person-{i}", $"顾问{i}", IsManager: Unit.IsManagerOnly(action))).ToList();

        var results = await Task.WhenAll(people.Select(person => Task.Run(() =>
            racing.ExecuteAsync(unitId, action, new UnitCommand(1, $"客户{person.Id}", "13800138000", $"保留给{person.Name}", PlanId: _project.OneOffPlanId, ContractNo: $"HT-{person.Id}"), person))));

        Assert.Equal(Contenders, gate.Arrived);
        var winner = Assert.Single(results.OfType<CommandResult.Done>()).Unit;
        Assert.Equal(Contenders - 1, results.OfType<CommandResult.Conflict>().Count());
        Assert.Equal(Contenders, results.Length);
        Assert.Equal((status, 2), (winner.Status, winner.Version));
        Assert.All(results.OfType<CommandResult.Conflict>(), c =>
        {
            Assert.Equal(winner.StatusChangedBy, c.Current.StatusChangedBy);
            Assert.Equal(2, c.Current.Version);
            Assert.Contains(winner.StatusChangedBy!, c.Message);
        });

        await using var db = _app.Open();
        var change = await db.UnitEvents.SingleAsync(e => e.UnitId == unitId);
        Assert.Equal(winner.StatusChangedBy, change.ActorName);
        Assert.Equal(winner.Deal?.Id, (await db.Deals.SingleOrDefaultAsync(d => d.UnitId == unitId && d.ClosedAt == null))?.Id);
        Assert.True(await db.Deals.CountAsync(d => d.UnitId == unitId) <= 1);
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        Assert.Equal(winner.Status, unit.Status.ToWire());
        Assert.Equal(2, unit.Version);
        Assert.Single(_app.Published.Messages);
    }

    [Fact]
    public async Task AStaleVersionIsAConflictThatSaysWhoTookItAndOffersTheNearestSimilarUnits()
    {
        var unitId = _project.UnitId("1#-501");
        var seenByWang = (await _app.Units.GetAsync(unitId, People.Wang))!.Version;
        await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, new UnitCommand(seenByWang, Customers.ZhaoName, Customers.ZhaoPhone), People.Li);
        var published = _app.Published.Messages.Count;

        var result = await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, new UnitCommand(seenByWang, Customers.ZhangName, Customers.ZhangPhone), People.Wang);

        var conflict = Assert.IsType<CommandResult.Conflict>(result);
        Assert.Contains("1#-501", conflict.Message);
        Assert.Contains(People.Li.Name, conflict.Message);
        Assert.Equal(("held", seenByWang + 1, People.Li.Name), (conflict.Current.Status, conflict.Current.Version, conflict.Current.StatusChangedBy));
        Assert.Equal("139****5678", conflict.Current.Deal!.CustomerPhone);
        // Same layout A, Available, nearest floors first: 4 is signed, so 6, then 3 and 7 (by code).
        Assert.Equal(["1#-601", "1#-301", "1#-701"], conflict.Similar.Select(s => s.Code));
        Assert.All(conflict.Similar, s => Assert.Equal("A", s.Layout));

        await using var db = _app.Open();
        Assert.Equal(1, await db.UnitEvents.CountAsync(e => e.UnitId == unitId));
        var deal = await db.Deals.SingleAsync(d => d.UnitId == unitId);
        Assert.Equal((People.Li.Id, Customers.ZhaoName), (deal.AgentId, deal.CustomerName));
        Assert.Equal(published, _app.Published.Messages.Count);
    }

    [Fact]
    public async Task AConflictOnAUnitThatIsAvailableAgainOffersNoAlternatives()
    {
        var unitId = _project.UnitId("1#-501");
        await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, new UnitCommand(1, Customers.ZhaoName, Customers.ZhaoPhone), People.Li);
        await _app.Units.ExecuteAsync(unitId, UnitAction.Release, new UnitCommand(2), People.Li);

        var result = await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone), People.Wang);

        var conflict = Assert.IsType<CommandResult.Conflict>(result);
        Assert.Equal(("available", 3), (conflict.Current.Status, conflict.Current.Version));
        Assert.Empty(conflict.Similar);
    }

    [Fact]
    public async Task SimilarUnitsAreCappedAtThreeAndComeFromTheSameBuildingFirst()
    {
        // 2#-1001 is layout B on the same floor, but a buyer looking at 1# is offered 1# first.
        var similar = await _app.Units.SimilarAsync(_project.UnitId("1#-1002"));

        Assert.Equal(UnitService.SimilarCount, similar.Count);
        Assert.Equal(["1#-902", "1#-802", "1#-702"], similar.Select(s => s.Code));
    }
}
