using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Pricing;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Pricing;

/// <summary>
/// The usual tower: floor f's units cost 40,000 + 150·f per m² of gross area, stack 01 is layout A
/// (89 m²), stack 02 layout B (105 m²), the floor price is 97% of the list rounded to the yuan. So
/// 1#-501 is 40,750 × 89 = 3,626,750 with floor 3,517,948, and 1#-502 is 40,750 × 105 = 4,278,750
/// with floor 4,150,388.
/// </summary>
public sealed class PriceServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private PriceService Prices => new(_app.Database.Factory(), _app.Service<BoardBroadcaster>(), _app.Clock);

    public async Task InitializeAsync() =>
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower()
            .With("1#-601", (unit, now) => unit.SubscribeAtList(People.Wang, Customers.Zhang, now))
            .With("1#-602", (unit, now) => unit.Hold(People.Li, Customers.Zhao, now, UnitBuilder.HoldFor)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task APercentRaisePricesEachUnitPerSquareMetreToTheFenAndTheFloorByTheSamePercentage()
    {
        var preview = await PreviewAsync(Floors(5, 5), AdjustMode.Percent, 2.5m);

        Assert.Equal(["1#-501", "1#-502"], preview.Rows.Select(r => r.Code));
        var a = preview.Rows[0];
        Assert.Equal(new PricePoint(PriceBasis.GrossArea, 40_750m, 3_626_750m, 3_517_948m), a.Old);
        // 40,750 × 1.025 = 41,768.75; × 89 = 3,717,418.75; floor 3,517,948 × 1.025 = 3,605,896.70.
        Assert.Equal(new PricePoint(PriceBasis.GrossArea, 41_768.75m, 3_717_418.75m, 3_605_896.70m), a.New);
        Assert.Equal(90_668.75m, a.Difference);
        // × 105 = 4,385,718.75; floor 4,150,388 × 1.025 = 4,254,147.70.
        Assert.Equal(new PricePoint(PriceBasis.GrossArea, 41_768.75m, 4_385_718.75m, 4_254_147.70m), preview.Rows[1].New);
        Assert.Equal((7_905_500m, 8_103_137.50m, 197_637.50m), (preview.OldTotal, preview.NewTotal, preview.Difference));
        Assert.Equal(7_860_044.40m, preview.NewFloorTotal);
    }

    [Fact]
    public async Task APercentCutRoundsHalfAwayFromZero()
    {
        var preview = await PreviewAsync(Floors(5, 5) with { Stacks = ["02"] }, AdjustMode.Percent, -1m);

        // 40,750 × 0.99 = 40,342.50; × 105 = 4,235,962.50; floor 4,150,388 × 0.99 = 4,108,884.12.
        Assert.Equal(new PricePoint(PriceBasis.GrossArea, 40_342.50m, 4_235_962.50m, 4_108_884.12m), Assert.Single(preview.Rows).New);
    }

    [Fact]
    public async Task AnAmountPerSquareMetreMovesTheListAndTheFloorByTheSameAmount()
    {
        var preview = await PreviewAsync(Floors(5, 5) with { Stacks = ["02"] }, AdjustMode.PerM2, 500m);

        // 41,250 × 105 = 4,331,250, up 52,500; so is the floor: 4,202,888.
        Assert.Equal(new PricePoint(PriceBasis.GrossArea, 41_250m, 4_331_250m, 4_202_888m), Assert.Single(preview.Rows).New);
    }

    [Fact]
    public async Task AnAmountOnTheTotalKeepsThePerSquareMetreBasisToTheFen()
    {
        var preview = await PreviewAsync(Floors(5, 5) with { Stacks = ["01"] }, AdjustMode.Total, -10_000m);

        // 3,616,750 / 89 = 40,637.6404… → 40,637.64; × 89 = 3,616,749.96; the floor moves as the list
        // did, by −10,000.04: 3,507,947.96.
        Assert.Equal(new PricePoint(PriceBasis.GrossArea, 40_637.64m, 3_616_749.96m, 3_507_947.96m), Assert.Single(preview.Rows).New);
    }

    [Fact]
    public async Task AUnitPricedByItsTotalIsAdjustedOnItsTotal()
    {
        var unitId = _project.UnitId("1#-501");
        Assert.IsType<PriceResult.Done>(await Prices.RepriceAsync(unitId, new RepriceCommand(1, PriceBasis.Total, 3_600_000m, 3_500_000m), People.Chen));

        var percent = await PreviewAsync(Floors(5, 5) with { Stacks = ["01"] }, AdjustMode.Percent, 2.5m);
        var perM2 = await PreviewAsync(Floors(5, 5) with { Stacks = ["01"] }, AdjustMode.PerM2, 100m);

        // 3,600,000 × 1.025 = 3,690,000 (per m² of gross: 41,460.67); floor 3,587,500.
        Assert.Equal(new PricePoint(PriceBasis.Total, 41_460.67m, 3_690_000m, 3_587_500m), Assert.Single(percent.Rows).New);
        // 100 × 89 m² of gross area = 8,900 on the total and the floor.
        Assert.Equal(new PricePoint(PriceBasis.Total, 40_549.44m, 3_608_900m, 3_508_900m), Assert.Single(perM2.Rows).New);
    }

    [Fact]
    public async Task ABatchSkipsUnitsInADealAndSaysWhy()
    {
        var preview = await PreviewAsync(Floors(6, 6), AdjustMode.Percent, 2.5m);

        Assert.Empty(preview.Rows);
        Assert.Equal(
            [("1#-601", UnitStatus.Subscribed, L.T("pricing.skip.inDeal", UnitStatus.Subscribed)), ("1#-602", UnitStatus.Held, L.T("pricing.skip.inDeal", UnitStatus.Held))],
            preview.Skipped.Select(s => (s.Code, s.Status, s.Reason)));
        Assert.Equal(L.T("pricing.nothingToApply"), Assert.IsType<PriceResult.Rejected>(await Prices.ApplyAsync(preview, People.Chen)).Message);
    }

    [Fact]
    public async Task ApplyWritesExactlyWhatThePreviewShowedUnderOneAdjustment()
    {
        var preview = await PreviewAsync(new PriceSelection(_project.Id, FloorFrom: 4, FloorTo: 7), AdjustMode.Percent, 2.5m);
        Assert.Equal(6, preview.Rows.Count);
        Assert.Equal(["1#-601", "1#-602"], preview.Skipped.Select(s => s.Code));

        var done = Assert.IsType<PriceResult.Done>(await Prices.ApplyAsync(preview, People.Chen));

        Assert.Equal(preview.Rows.Select(r => r.Code), done.Codes);
        await using var db = _app.Open();
        foreach (var row in preview.Rows)
        {
            var unit = await db.Units.SingleAsync(u => u.Id == row.UnitId);
            Assert.Equal((row.New, row.Version + 1), (PricePoint.Of(unit), unit.Version));
        }
        var records = await db.PriceRecords.ToListAsync();
        Assert.Equal(6, records.Count);
        Assert.All(records, r => Assert.Equal((done.AdjustmentId, People.Chen.Name, _app.Now, "+2.5%"), (r.AdjustmentId, r.ByName, r.At, r.Reason)));
        Assert.Equal(preview.Rows.Select(r => (r.UnitId, r.New.ListPrice)).Order(), records.Select(r => (r.UnitId, r.ListPrice)).Order());
        var events = await db.UnitEvents.Where(e => e.Action == UnitAction.Reprice).ToListAsync();
        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.Equal(e.From, e.To));
        // The skipped units were not touched.
        Assert.Equal([2, 2], await db.Units.Where(u => u.Floor == 6).OrderBy(u => u.Stack).Select(u => u.Version).ToListAsync());
    }

    [Fact]
    public async Task AUnitInADealKeepsItsDealtPriceWhenTheUnitIsRepriced()
    {
        var unitId = _project.UnitId("1#-601");
        await using (var before = _app.Open())
        {
            var deal = await before.Deals.SingleAsync(d => d.UnitId == unitId);
            Assert.Equal((40_900m * 89, 3_530_897m, 40_900m * 89), (deal.Price, deal.FloorPrice, deal.FinalPrice));
        }

        var result = await Prices.RepriceAsync(unitId, new RepriceCommand(2, PriceBasis.GrossArea, 42_000m, 3_600_000m, "市场调整"), People.Chen);

        Assert.IsType<PriceResult.Done>(result);
        await using var db = _app.Open();
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        // The list price is what the next buyer is offered if this deal falls through.
        Assert.Equal((42_000m, 3_738_000m, 3_600_000m, UnitStatus.Subscribed, 3), (unit.UnitPrice, unit.ListPrice, unit.FloorPrice, unit.Status, unit.Version));
        var kept = await db.Deals.SingleAsync(d => d.UnitId == unitId);
        Assert.Equal((3_640_100m, 3_530_897m, 3_640_100m), (kept.Price, kept.FloorPrice, kept.FinalPrice));
        var history = await Prices.HistoryAsync(_project.Id, "1#-601");
        Assert.Equal(3_640_100m, history!.DealPrice);
    }

    [Fact]
    public async Task AUnitThatMovedBetweenPreviewAndApplyMeansNothingIsApplied()
    {
        var preview = await PreviewAsync(Floors(5, 5), AdjustMode.Percent, 2.5m);
        await _app.Units.ExecuteAsync(_project.UnitId("1#-502"), UnitAction.Hold, new UnitCommand(1, Customers.ZhaoName, Customers.ZhaoPhone), People.Li);
        var published = _app.Published.Messages.Count;

        var result = await Prices.ApplyAsync(preview, People.Chen);

        var conflict = Assert.IsType<PriceResult.Conflict>(result);
        Assert.Equal(["1#-502"], conflict.Codes);
        Assert.Equal(L.T("pricing.batch.moved", "1#-502", 1), conflict.Message);
        await using var db = _app.Open();
        Assert.Empty(await db.PriceRecords.ToListAsync());
        var a = await db.Units.SingleAsync(u => u.Code == "1#-501");
        Assert.Equal((3_626_750m, 1), (a.ListPrice, a.Version));
        Assert.Equal(published, _app.Published.Messages.Count);
    }

    [Fact]
    public async Task APreviewedUnitNoLongerSelectedCountsAsMoved()
    {
        var preview = await PreviewAsync(Floors(6, 6), AdjustMode.Percent, 2.5m);
        var withOne = preview with { Rows = [new PreviewRow(_project.UnitId("1#-501"), "1#-501", UnitStatus.Available, 1, new(PriceBasis.GrossArea, 1, 1, 1), new(PriceBasis.GrossArea, 2, 2, 2))] };

        var conflict = Assert.IsType<PriceResult.Conflict>(await Prices.ApplyAsync(withOne, People.Chen));

        Assert.Equal(["1#-501"], conflict.Codes);
    }

    public static TheoryData<AdjustMode, decimal, string> AbsurdChanges() => new()
    {
        { AdjustMode.Percent, -100m, L.T("pricing.percent.range") },
        { AdjustMode.Percent, 100.01m, L.T("pricing.percent.range") },
        { AdjustMode.Percent, 0m, L.T("pricing.value.zero") },
        { AdjustMode.PerM2, 0.001m, L.T("pricing.amount.invalid") },
        { AdjustMode.Total, 2_000_000_000m, L.T("pricing.amount.invalid") },
        // 40,750 − 50,000 per m² is no price.
        { AdjustMode.PerM2, -50_000m, L.T("price.amount.range", "1#-501") },
        // 3,626,750 + 999,000,000 is above the most a unit may cost.
        { AdjustMode.Total, 999_000_000m, L.T("price.amount.range", "1#-501") },
        // 3,600,000 off takes the list to 26,749.84 and the floor (3,517,948) below zero.
        { AdjustMode.Total, -3_600_000m, L.T("price.floor.range", "1#-501") },
        { (AdjustMode)7, 1m, L.T("pricing.mode.unknown") },
    };

    [Theory]
    [MemberData(nameof(AbsurdChanges))]
    public async Task AbsurdChangesAreRejectedAndChangeNothing(AdjustMode mode, decimal value, string message)
    {
        var adjustment = new BatchAdjustment(Floors(5, 5), mode, value);

        var preview = await Prices.PreviewAsync(adjustment, People.Chen);
        var apply = await Prices.ApplyAsync(new BatchPreview(adjustment, [Row("1#-501"), Row("1#-502")], []), People.Chen);

        Assert.Equal(message, Assert.IsType<PreviewResult.Rejected>(preview).Message);
        Assert.Equal(message, Assert.IsType<PriceResult.Rejected>(apply).Message);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task AnEmptySelectionOrUpsideDownFloorsAreRejected()
    {
        var nothing = await Prices.PreviewAsync(new BatchAdjustment(Floors(50, 60), AdjustMode.Percent, 1m), People.Chen);
        var upsideDown = await Prices.PreviewAsync(new BatchAdjustment(Floors(8, 3), AdjustMode.Percent, 1m), People.Chen);
        var noProject = await Prices.PreviewAsync(new BatchAdjustment(new PriceSelection(_project.Id + 1), AdjustMode.Percent, 1m), People.Chen);
        var unknownLayout = await Prices.PreviewAsync(new BatchAdjustment(new PriceSelection(_project.Id, LayoutIds: [9_999]), AdjustMode.Percent, 1m), People.Chen);

        Assert.Equal(L.T("pricing.selection.empty"), Assert.IsType<PreviewResult.Rejected>(nothing).Message);
        Assert.Equal(L.T("pricing.floors.order"), Assert.IsType<PreviewResult.Rejected>(upsideDown).Message);
        Assert.Equal(L.T("project.notFound"), Assert.IsType<PreviewResult.Rejected>(noProject).Message);
        Assert.Equal(L.T("pricing.selection.empty"), Assert.IsType<PreviewResult.Rejected>(unknownLayout).Message);
    }

    [Fact]
    public async Task OnlyAManagerAdjustsPrices()
    {
        var preview = await Prices.PreviewAsync(new BatchAdjustment(Floors(5, 5), AdjustMode.Percent, 1m), People.Wang);
        var single = await Prices.RepriceAsync(_project.UnitId("1#-501"), new RepriceCommand(1, PriceBasis.GrossArea, 41_000m, 3_500_000m), People.Wang);

        Assert.Equal(L.T("unit.managerOnly", UnitAction.Reprice), Assert.IsType<PreviewResult.Rejected>(preview).Message);
        Assert.Equal(L.T("unit.managerOnly", UnitAction.Reprice), Assert.IsType<PriceResult.Rejected>(single).Message);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task ARepriceFromAStaleVersionIsAConflictAndAFloorAboveTheListIsRefused()
    {
        var unitId = _project.UnitId("1#-501");

        var stale = await Prices.RepriceAsync(unitId, new RepriceCommand(7, PriceBasis.GrossArea, 41_000m, 3_500_000m), People.Chen);
        var floorAbove = await Prices.RepriceAsync(unitId, new RepriceCommand(1, PriceBasis.Total, 3_500_000m, 3_500_000.01m), People.Chen);
        var unknown = await Prices.RepriceAsync(99_999, new RepriceCommand(1, PriceBasis.Total, 3_500_000m, 3_400_000m), People.Chen);

        Assert.Equal(L.T("unit.stale", "1#-501", UnitStatus.Available), Assert.IsType<PriceResult.Conflict>(stale).Message);
        Assert.Equal(L.T("price.floor.range", "1#-501"), Assert.IsType<PriceResult.Rejected>(floorAbove).Message);
        Assert.IsType<PriceResult.NotFound>(unknown);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task TheHistoryListsEveryPriceNewestFirstWithTheBatchThatSetIt()
    {
        var unitId = _project.UnitId("1#-502");
        await Prices.RepriceAsync(unitId, new RepriceCommand(1, PriceBasis.NetArea, 52_000m, 4_100_000m, "  按套内计价 "), People.Chen);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var preview = await PreviewAsync(Floors(5, 5), AdjustMode.PerM2, -200m, "国庆促销");
        var batch = Assert.IsType<PriceResult.Done>(await Prices.ApplyAsync(preview, People.Chen));

        var history = await Prices.HistoryAsync(_project.Id, " 1#-502 ");

        Assert.NotNull(history);
        Assert.Equal((3, new PricePoint(PriceBasis.NetArea, 51_800m, 4_242_420m, 4_083_620m)), (history.Version, history.Current));
        // 81.9 m² net: 52,000 × 81.9 = 4,258,800; then 51,800 × 81.9 = 4,242,420, the floor down the same 16,380.
        Assert.Equal(
            [
                (_app.Now, 51_800m, 4_242_420m, 4_083_620m, "国庆促销", batch.AdjustmentId),
                (_app.Now.AddHours(-1), 52_000m, 4_258_800m, 4_100_000m, "按套内计价", (Guid?)null),
            ],
            history.History.Select(h => (h.At, h.UnitPrice, h.ListPrice, h.FloorPrice, h.Reason, h.AdjustmentId)));
        Assert.Null(await Prices.HistoryAsync(_project.Id, "9#-999"));
    }

    [Fact]
    public async Task BoardsAreToldEachNewPriceOnlyOnceItIsCommitted()
    {
        var seenInDatabase = new List<(string Code, decimal? Told, decimal Stored)>();
        using var listener = _app.Service<IEventBus>().Subscribe(async message =>
        {
            if (message is UnitChanged change)
            {
                await using var db = _app.Open();
                seenInDatabase.Add((change.Code, change.ListPrice, await db.Units.Where(u => u.Id == change.UnitId).Select(u => u.ListPrice).SingleAsync()));
            }
        });
        var preview = await PreviewAsync(Floors(5, 5), AdjustMode.Percent, 2.5m);
        Assert.Empty(_app.Published.Messages);

        var done = Assert.IsType<PriceResult.Done>(await Prices.ApplyAsync(preview, People.Chen));

        var published = _app.Published.Of<UnitChanged>();
        Assert.Equal(
            [
                new UnitChanged(_project.Id, _project.UnitId("1#-501"), "1#-501", _project.Buildings["1#"], UnitAction.Reprice, UnitStatus.Available, UnitStatus.Available, 2, People.Chen.Name, _app.Now, 3_717_418.75m),
                new UnitChanged(_project.Id, _project.UnitId("1#-502"), "1#-502", _project.Buildings["1#"], UnitAction.Reprice, UnitStatus.Available, UnitStatus.Available, 2, People.Chen.Name, _app.Now, 4_385_718.75m),
            ],
            published);
        Assert.Equal([("1#-501", 3_717_418.75m, 3_717_418.75m), ("1#-502", 4_385_718.75m, 4_385_718.75m)], seenInDatabase.Select(s => (s.Code, s.Told ?? 0, s.Stored)));
        Assert.NotNull(done.AdjustmentId);
    }

    private PriceSelection Floors(int from, int to) => new(_project.Id, _project.Buildings["1#"], from, to);

    private async Task<BatchPreview> PreviewAsync(PriceSelection selection, AdjustMode mode, decimal value, string? reason = null) =>
        Assert.IsType<PreviewResult.Ok>(await Prices.PreviewAsync(new BatchAdjustment(selection, mode, value, reason), People.Chen)).Preview;

    private PreviewRow Row(string code) =>
        new(_project.UnitId(code), code, UnitStatus.Available, 1, new(PriceBasis.GrossArea, 40_750m, 3_626_750m, 3_517_948m), new(PriceBasis.GrossArea, 1m, 1m, 1m));

    private async Task AssertNothingChangedAsync()
    {
        await using var db = _app.Open();
        Assert.Empty(await db.PriceRecords.ToListAsync());
        Assert.Empty(await db.UnitEvents.Where(e => e.Action == UnitAction.Reprice).ToListAsync());
        Assert.Equal((3_626_750m, 1), await db.Units.Where(u => u.Code == "1#-501").Select(u => ValueTuple.Create(u.ListPrice, u.Version)).SingleAsync());
        Assert.DoesNotContain(_app.Published.Of<UnitChanged>(), c => c.Action == UnitAction.Reprice);
    }
}
