using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Pricing;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Pricing;

/// <summary>Prices as in <see cref="PriceServiceTests"/>: 1#-501 is 40,750 × 89 m², 1#-502 40,750 × 105 m².</summary>
public sealed class PriceExcelTests : IAsyncLifetime
{
    private const string Code = "房号 Code";
    private const string Basis = "计价方式 Price basis";
    private const string UnitPrice = "单价 Unit price";
    private const string ListPrice = "总价 List price";
    private const string FloorPrice = "底价 Floor price";
    private const string Version = "版本 Version";

    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private PriceService Prices => new(_app.Database.Factory(), _app.Service<BoardBroadcaster>(), _app.Clock);

    public async Task InitializeAsync() =>
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower()
            .With("1#-601", (unit, now) => unit.SubscribeAtList(People.Wang, Customers.Zhang, now)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheExportListsEveryUnitWithItsPricesUnderBilingualHeaders()
    {
        using var english = CultureScope.Of("en");
        var rows = Rows(await Prices.ExportAsync(_project.Id));

        Assert.Equal(20, rows.Count);
        Assert.Equal(
            ["房号 Code", "楼栋 Building", "楼层 Floor", "户位 Stack", "户型 Layout", "建筑面积 Gross area", "套内面积 Net area", "朝向 Orientation",
             "状态 Status", "计价方式 Price basis", "单价 Unit price", "总价 List price", "底价 Floor price", "版本 Version"],
            rows[0].Keys);
        var a = rows.Single(r => (string)r[Code]! == "1#-601");
        Assert.Equal<object?>(["1#-601", "1#", 6d, "01", "A", 89d, 69.42d, "南", "Subscribed", "建筑面积 Gross", 40_900d, 3_640_100d, 3_530_897d, 2d], a.Values);
        Assert.Null(await Prices.ExportAsync(_project.Id + 1));
    }

    [Fact]
    public async Task AnEditedExportImportsBackAsOneAdjustment()
    {
        var rows = Rows(await Prices.ExportAsync(_project.Id));
        var a = rows.Single(r => (string)r[Code]! == "1#-501");
        a[UnitPrice] = 41_000d;
        a[ListPrice] = 41_000d * 89;
        a[FloorPrice] = "3,600,000.00";
        var b = rows.Single(r => (string)r[Code]! == "1#-502");
        b[Basis] = "总价";
        b[ListPrice] = 4_300_000d;
        var sold = rows.Single(r => (string)r[Code]! == "1#-601");
        sold[UnitPrice] = 41_000d;
        sold[ListPrice] = null;

        var report = await Prices.ImportPricesAsync(_project.Id, Sheet(rows), People.Chen);

        Assert.True(report.Accepted, report.Summary);
        Assert.Equal((3, L.T("pricing.import.applied", 3)), (report.Changed, report.Summary));
        Assert.Equal(20, report.Rows.Count);
        Assert.All(report.Rows, r => Assert.True(r.Ok));
        Assert.Equal(L.T("pricing.import.updated", L.Money(3_626_750m), L.Money(3_649_000m)), RowOf(report, "1#-501").Message);
        Assert.Equal(L.T("pricing.import.updatedInDeal", L.Money(3_640_100m), L.Money(3_649_000m)), RowOf(report, "1#-601").Message);
        Assert.Equal(L.T("pricing.import.unchanged"), RowOf(report, "1#-101").Message);
        // Excel's row numbers: the header is row 1, and the export starts at 1#-101.
        Assert.Equal((2, "1#-101"), (report.Rows[0].Row, report.Rows[0].Code));

        await using var db = _app.Open();
        var units = await db.Units.Where(u => u.Code == "1#-501" || u.Code == "1#-502" || u.Code == "1#-601").OrderBy(u => u.Code).ToListAsync();
        Assert.Equal(
            [
                (PriceBasis.GrossArea, 41_000m, 3_649_000m, 3_600_000m, 2),
                // 4,300,000 over 105 m² of gross area is 40,952.38 per m²; the floor stays.
                (PriceBasis.Total, 40_952.38m, 4_300_000m, 4_150_388m, 2),
                (PriceBasis.GrossArea, 41_000m, 3_649_000m, 3_530_897m, 3),
            ],
            units.Select(u => (u.PriceBasis, u.UnitPrice, u.ListPrice, u.FloorPrice, u.Version)));
        var records = await db.PriceRecords.ToListAsync();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal((report.AdjustmentId, PriceService.PriceImportReason), (r.AdjustmentId, r.Reason)));
        // The buyer of 1#-601 pays what was agreed.
        Assert.Equal(3_640_100m, (await db.Deals.SingleAsync()).FinalPrice);
        Assert.Equal(["1#-501", "1#-502", "1#-601"], _app.Published.Of<UnitChanged>().Select(c => c.Code).Order());
    }

    [Fact]
    public async Task AnUnchangedExportImportsAsNothingToChange()
    {
        var report = await Prices.ImportPricesAsync(_project.Id, Sheet(Rows(await Prices.ExportAsync(_project.Id))), People.Chen);

        Assert.Equal((true, 0, L.T("pricing.import.nothing"), (Guid?)null), (report.Accepted, report.Changed, report.Summary, report.AdjustmentId));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task AFileWithOneBadRowAppliesNothingAndSaysWhichRow()
    {
        var file = Sheet(
            Row("1#-501", unitPrice: 41_000d, floorPrice: 3_600_000d),
            Row("1#-502", unitPrice: "四万一"),
            Row("1#-301", unitPrice: 41_000d, floorPrice: 3_600_000d));

        var report = await Prices.ImportPricesAsync(_project.Id, file, People.Chen);

        Assert.False(report.Accepted);
        Assert.Equal(L.T("pricing.import.rejected", 1, 3), report.Summary);
        Assert.Equal(
            [
                new ImportRow(2, "1#-501", true, L.T("pricing.import.updated", L.Money(3_626_750m), L.Money(3_649_000m))),
                new ImportRow(3, "1#-502", false, L.T("pricing.import.notNumber", UnitPrice, "四万一")),
                new ImportRow(4, "1#-301", true, L.T("pricing.import.updated", L.Money(3_600_050m), L.Money(3_649_000m))),
            ],
            report.Rows);
        await AssertNothingChangedAsync();
    }

    public static TheoryData<string, object?, object?, object?, object?, string> BadRows() => new()
    {
        { "9#-999", null, 41_000d, null, null, L.T("pricing.import.unknownCode", "9#-999") },
        { "1#-501", null, -41_000d, null, null, L.T("pricing.import.notPositive", UnitPrice) },
        { "1#-501", null, 41_000.005d, null, null, L.T("pricing.import.fen", UnitPrice) },
        { "1#-501", null, 41_000d, null, 3_700_000d, L.T("pricing.import.floorAboveList", "1#-501", 3_700_000m, 3_649_000m) },
        { "1#-501", null, 41_000d, 3_700_000d, null, L.T("pricing.import.mismatch", "1#-501", ListPrice, UnitPrice) },
        { "1#-501", "Total", 41_000d, null, null, L.T("pricing.import.required", "1#-501", ListPrice) },
        { "1#-501", "per room", 41_000d, null, null, L.T("pricing.import.basisUnknown", "per room") },
        { "", null, 41_000d, null, null, L.T("pricing.import.codeRequired") },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task EachBadRowIsExplained(string code, object? basis, object? unitPrice, object? listPrice, object? floorPrice, string message)
    {
        var report = await Prices.ImportPricesAsync(_project.Id, Sheet(Row(code, basis, unitPrice, listPrice, floorPrice)), People.Chen);

        Assert.Equal(new ImportRow(2, code, false, message), Assert.Single(report.Rows));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task ADuplicateCodeAndAUnitChangedSinceTheExportAreBadRows()
    {
        var duplicate = await Prices.ImportPricesAsync(_project.Id, Sheet(Row("1#-501", unitPrice: 41_000d), Row("1#-501 ", unitPrice: 42_000d)), People.Chen);
        var changed = await Prices.ImportPricesAsync(_project.Id, Sheet(Row("1#-601", unitPrice: 41_000d, version: 1d)), People.Chen);

        Assert.Equal(L.T("pricing.import.duplicate", "1#-501", 2), duplicate.Rows[1].Message);
        Assert.Equal(L.T("pricing.import.changed", "1#-601", 1, 2), Assert.Single(changed.Rows).Message);
        Assert.False(duplicate.Accepted || changed.Accepted);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task AFileThatIsNoSheetOrHasNoCodeColumnIsRefused()
    {
        var garbage = await Prices.ImportPricesAsync(_project.Id, new MemoryStream("not a workbook"u8.ToArray()), People.Chen);
        var noCode = await Prices.ImportPricesAsync(_project.Id, Sheet(new Dictionary<string, object?> { ["单价"] = 41_000d }), People.Chen);
        var agent = await Prices.ImportPricesAsync(_project.Id, Sheet(Row("1#-501", unitPrice: 41_000d)), People.Wang);

        Assert.Equal(L.T("pricing.import.unreadable"), garbage.Summary);
        Assert.Equal(L.T("pricing.import.noCodeColumn", Code), noCode.Summary);
        Assert.Equal(L.T("unit.managerOnly", UnitAction.Reprice), agent.Summary);
        Assert.All(new[] { garbage, noCode, agent }, r => Assert.Equal((false, 0), (r.Accepted, r.Rows.Count)));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task NewUnitsAreImportedUnreleasedWithTheirFirstPrice()
    {
        var file = Sheet(
            NewUnit("1#-1101", "01", "A", 89d, 69.42d, "建筑面积", 42_000d, null, 3_600_000d),
            NewUnit("1#-1102", "02", "b", 105d, 81.9d, "总价 Total", null, 4_500_000d, 4_400_000d));

        var report = await Prices.ImportUnitsAsync(_project.Id, file, People.Chen);

        Assert.True(report.Accepted, string.Join("; ", report.Rows.Select(r => r.Message)));
        Assert.Equal((2, L.T("pricing.units.applied", 2)), (report.Changed, report.Summary));
        await using var db = _app.Open();
        var added = await db.Units.Include(u => u.Layout).Where(u => u.Floor == 11).OrderBy(u => u.Code).ToListAsync();
        Assert.Equal(
            [
                ("1#-1101", "A", UnitStatus.Unreleased, PriceBasis.GrossArea, 42_000m, 3_738_000m, 3_600_000m),
                // 4,500,000 / 105 = 42,857.142… per m².
                ("1#-1102", "B", UnitStatus.Unreleased, PriceBasis.Total, 42_857.14m, 4_500_000m, 4_400_000m),
            ],
            added.Select(u => (u.Code, u.Layout!.Code, u.Status, u.PriceBasis, u.UnitPrice, u.ListPrice, u.FloorPrice)));
        var records = await db.PriceRecords.ToListAsync();
        Assert.Equal(added.Select(u => u.Id), records.Select(r => r.UnitId).Order());
        Assert.All(records, r => Assert.Equal((report.AdjustmentId, PriceService.UnitImportReason), (r.AdjustmentId, r.Reason)));
        // Open boards load the project afresh to show the new floor.
        Assert.Equal(new UnitsAdded(_project.Id, 2), Assert.Single(_app.Published.Of<UnitsAdded>()));
    }

    [Fact]
    public async Task AUnitListWithOneBadRowAddsNothing()
    {
        var file = Sheet(
            NewUnit("1#-1101", "01", "A", 89d, 69.42d, null, 42_000d, null, 3_600_000d),
            NewUnit("1#-501", "01", "A", 89d, 69.42d, null, 42_000d, null, 3_600_000d),
            NewUnit("1#-1102", "02", "Z", 105d, 81.9d, null, 42_000d, null, 4_000_000d),
            NewUnit("1#-1103", "03", "B", 105d, 110d, null, 42_000d, null, 4_000_000d));

        var report = await Prices.ImportUnitsAsync(_project.Id, file, People.Chen);

        Assert.False(report.Accepted);
        Assert.Equal(
            [
                (2, true, L.T("pricing.units.added", L.Money(3_738_000m))),
                (3, false, L.T("pricing.units.exists", "1#-501")),
                (4, false, L.T("pricing.units.layout.unknown", "Z")),
                (5, false, L.T("pricing.units.area.range", 100_000m)),
            ],
            report.Rows.Select(r => (r.Row, r.Ok, r.Message)));
        await using var db = _app.Open();
        Assert.Equal(20, await db.Units.CountAsync());
        Assert.Empty(await db.PriceRecords.ToListAsync());
    }

    private static List<Dictionary<string, object?>> Rows(byte[]? sheet)
    {
        Assert.NotNull(sheet);
        return [.. new MemoryStream(sheet).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r))];
    }

    private static MemoryStream Sheet(params IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        stream.Position = 0;
        return stream;
    }

    private static Dictionary<string, object?> Row(string code, object? basis = null, object? unitPrice = null, object? listPrice = null, object? floorPrice = null, object? version = null) =>
        new() { [Code] = code, [Basis] = basis, [UnitPrice] = unitPrice, [ListPrice] = listPrice, [FloorPrice] = floorPrice, [Version] = version };

    private static Dictionary<string, object?> NewUnit(
        string code, string stack, string layout, double gross, double net, string? basis, double? unitPrice, double? listPrice, double? floorPrice) => new()
    {
        [Code] = code,
        ["楼栋"] = "1#",
        ["Floor"] = 11d,
        ["户位 Stack"] = stack,
        ["户型 Layout"] = layout,
        ["建筑面积 Gross area"] = gross,
        ["套内面积 Net area"] = net,
        ["朝向 Orientation"] = "南",
        [Basis] = basis,
        [UnitPrice] = unitPrice,
        [ListPrice] = listPrice,
        [FloorPrice] = floorPrice,
    };

    private static ImportRow RowOf(ImportReport report, string code) => report.Rows.Single(r => r.Code == code);

    private async Task AssertNothingChangedAsync()
    {
        await using var db = _app.Open();
        Assert.Empty(await db.PriceRecords.ToListAsync());
        Assert.Equal((3_626_750m, 1), await db.Units.Where(u => u.Code == "1#-501").Select(u => ValueTuple.Create(u.ListPrice, u.Version)).SingleAsync());
        Assert.Empty(_app.Published.Of<UnitChanged>());
    }
}
