using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;
using static Realty.Live.Web.Features.Pricing.PriceSheet;

namespace Realty.Live.Web.Features.Pricing;

/// <summary>
/// The price list and unit list in and out of Excel. An upload is checked row by row first; if any row is
/// bad, nothing is applied and the report says which rows and why; otherwise all of it is applied in
/// one transaction, as one adjustment.
/// </summary>
public sealed partial class PriceService
{
    public const string PriceImportReason = "价目表导入 · price list import";
    public const string UnitImportReason = "房源导入 · unit list import";

    /// <summary>The project's units with their prices, as a sheet the price import reads back; null for no such project.</summary>
    public async Task<byte[]?> ExportAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            return null;
        }
        var units = await db.Units.AsNoTracking()
            .Include(u => u.Building)
            .Include(u => u.Layout)
            .Where(u => u.ProjectId == projectId)
            .OrderBy(u => u.Building!.SortOrder).ThenBy(u => u.Floor).ThenBy(u => u.Stack)
            .ToListAsync();
        return Write(
            units.Select(u => new Dictionary<SheetColumn, object?>
            {
                [Code] = u.Code,
                [BuildingName] = u.Building?.Name,
                [Floor] = u.Floor,
                [Stack] = u.Stack,
                [LayoutCode] = u.Layout?.Code,
                [GrossArea] = u.GrossArea,
                [NetArea] = u.NetArea,
                [Orientation] = u.Orientation,
                [Status] = L.Status(u.Status),
                [Basis] = BasisName(u.PriceBasis),
                [UnitPrice] = u.UnitPrice,
                [ListPrice] = u.ListPrice,
                [FloorPrice] = u.FloorPrice,
                [UnitVersion] = u.Version,
            }),
            "价目表 Prices");
    }

    /// <summary>
    /// New prices by unit code: the basis (blank keeps the unit's), the unit price or the list price it is
    /// set by, and the floor price (blank keeps it). Rows whose prices are unchanged are left alone; a
    /// version column, as the export writes it, refuses a unit that changed since.
    /// </summary>
    public async Task<ImportReport> ImportPricesAsync(int projectId, Stream file, Actor manager)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await RefusalAsync(db, projectId, manager) is { } refused)
        {
            return refused;
        }
        IReadOnlyList<SheetRow> rows;
        try
        {
            rows = Read(file);
        }
        catch (DomainException e)
        {
            return ImportReport.Refused(L.Message(e));
        }
        var units = await db.Units.Where(u => u.ProjectId == projectId).ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase);
        var firstRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var changes = new List<(Unit Unit, UnitEvent Change)>();
        var report = new List<ImportRow>();
        var now = Now;
        foreach (var row in rows)
        {
            var code = Text(row[Code]);
            try
            {
                report.Add(new ImportRow(row.Number, code, true, PriceRow(row, code, units, firstRows, manager, now, changes)));
            }
            catch (DomainException e)
            {
                report.Add(new ImportRow(row.Number, code, false, L.Message(e)));
            }
        }
        if (report.Any(r => !r.Ok))
        {
            return ImportReport.Refused(L.T("pricing.import.rejected", report.Count(r => !r.Ok), report.Count), report);
        }
        if (changes.Count == 0)
        {
            return new ImportReport(true, 0, L.T("pricing.import.nothing"), report);
        }
        var adjustmentId = Guid.NewGuid();
        foreach (var (unit, change) in changes)
        {
            Record(db, unit, change, manager, now, adjustmentId);
        }
        if (!await CommitAsync(db))
        {
            return ImportReport.Refused(L.T("pricing.import.movedWhileSaving"), report);
        }
        await BroadcastAsync(changes);
        return new ImportReport(true, changes.Count, L.T("pricing.import.applied", changes.Count), report, adjustmentId);
    }

    /// <summary>
    /// New units for the project's existing buildings and layouts, unreleased, each with its first price
    /// record. The sheet is the export's: the status and version columns are not read.
    /// </summary>
    public async Task<ImportReport> ImportUnitsAsync(int projectId, Stream file, Actor manager)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await RefusalAsync(db, projectId, manager) is { } refused)
        {
            return refused;
        }
        IReadOnlyList<SheetRow> rows;
        try
        {
            rows = Read(file);
        }
        catch (DomainException e)
        {
            return ImportReport.Refused(L.Message(e));
        }
        var buildings = await db.Buildings.Where(b => b.ProjectId == projectId).ToDictionaryAsync(b => b.Name, StringComparer.OrdinalIgnoreCase);
        var layouts = await db.Layouts.Where(l => l.ProjectId == projectId).ToDictionaryAsync(l => l.Code, StringComparer.OrdinalIgnoreCase);
        var existing = (await db.Units.Where(u => u.ProjectId == projectId).Select(u => u.Code).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var firstRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var added = new List<Unit>();
        var report = new List<ImportRow>();
        var now = Now;
        foreach (var row in rows)
        {
            var code = Text(row[Code]);
            try
            {
                var unit = NewUnit(row, code, projectId, buildings, layouts, existing, firstRows, now);
                added.Add(unit);
                report.Add(new ImportRow(row.Number, code, true, L.T("pricing.units.added", L.Money(unit.ListPrice))));
            }
            catch (DomainException e)
            {
                report.Add(new ImportRow(row.Number, code, false, L.Message(e)));
            }
        }
        if (report.Any(r => !r.Ok))
        {
            return ImportReport.Refused(L.T("pricing.import.rejected", report.Count(r => !r.Ok), report.Count), report);
        }
        var adjustmentId = Guid.NewGuid();
        db.Units.AddRange(added);
        db.PriceRecords.AddRange(added.Select(u => new PriceRecord(u, manager.Name, now, UnitImportReason, adjustmentId)));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The unique (project, code) index: somebody added one of these codes a moment ago.
            return ImportReport.Refused(L.T("pricing.units.raced"), report);
        }
        await broadcaster.PublishAsync(new UnitsAdded(projectId, added.Count));
        return new ImportReport(true, added.Count, L.T("pricing.units.applied", added.Count), report, adjustmentId);
    }

    /// <summary>Why an import may not start: only a manager imports, and only into a project that exists.</summary>
    private static async Task<ImportReport?> RefusalAsync(RealtyDbContext db, int projectId, Actor manager) =>
        !manager.IsManager ? ImportReport.Refused(L.T("unit.managerOnly", UnitAction.Reprice))
        : !await db.Projects.AnyAsync(p => p.Id == projectId) ? ImportReport.Refused(L.T("project.notFound"))
        : null;

    private static string PriceRow(
        SheetRow row, string code, Dictionary<string, Unit> units, Dictionary<string, int> firstRows, Actor manager, DateTime now, List<(Unit, UnitEvent)> changes)
    {
        var unit = Known(code, firstRows, row.Number, c => units.GetValueOrDefault(c) ?? throw new DomainException("pricing.import.unknownCode", c));
        if (row.Has(UnitVersion) && Whole(row, UnitVersion) is var version && version != unit.Version)
        {
            throw new DomainException("pricing.import.changed", code, version, unit.Version);
        }
        var basis = row.Has(Basis) ? BasisOf(row) : unit.PriceBasis;
        var unitPrice = Amount(row, UnitPrice);
        var listPrice = Amount(row, ListPrice);
        var floor = Amount(row, FloorPrice) ?? unit.FloorPrice;
        var amount = basis == PriceBasis.Total
            ? listPrice ?? throw new DomainException("pricing.import.required", code, ListPrice.Header)
            : unitPrice ?? throw new DomainException("pricing.import.required", code, UnitPrice.Header);
        if (basis == unit.PriceBasis && amount == (basis == PriceBasis.Total ? unit.ListPrice : unit.UnitPrice) && floor == unit.FloorPrice)
        {
            return L.T("pricing.import.unchanged");
        }
        var (newUnitPrice, newList) = Prices(basis, amount, unit.GrossArea, unit.NetArea);
        // The basis sets the price from one of the two columns; the other must follow from it, or be left
        // as it was, so that an edit in the wrong column is not silently lost.
        if (basis != PriceBasis.Total && listPrice is { } list && list != unit.ListPrice && list != newList)
        {
            throw new DomainException("pricing.import.mismatch", code, ListPrice.Header, UnitPrice.Header);
        }
        if (basis == PriceBasis.Total && unitPrice is { } perM2 && perM2 != unit.UnitPrice && perM2 != newUnitPrice)
        {
            throw new DomainException("pricing.import.mismatch", code, UnitPrice.Header, ListPrice.Header);
        }
        if (floor > newList)
        {
            throw new DomainException("pricing.import.floorAboveList", code, floor, newList);
        }
        var old = unit.ListPrice;
        changes.Add((unit, unit.Reprice(manager, basis, amount, floor, now, PriceImportReason)));
        return L.T(unit.Status is UnitStatus.Held or UnitStatus.Deposited or UnitStatus.Subscribed or UnitStatus.Signed
            ? "pricing.import.updatedInDeal"
            : "pricing.import.updated", L.Money(old), L.Money(unit.ListPrice));
    }

    private static Unit NewUnit(
        SheetRow row, string code, int projectId, Dictionary<string, Building> buildings, Dictionary<string, Layout> layouts,
        HashSet<string> existing, Dictionary<string, int> firstRows, DateTime now)
    {
        Known(code, firstRows, row.Number, c => existing.Contains(c) ? throw new DomainException("pricing.units.exists", c) : c);
        if (code.Length > MaxCodeLength || code.Any(char.IsControl))
        {
            throw new DomainException("pricing.units.code.invalid", MaxCodeLength);
        }
        var building = buildings.GetValueOrDefault(Text(row[BuildingName])) ?? throw new DomainException("pricing.units.building.unknown", Text(row[BuildingName]));
        var layout = layouts.GetValueOrDefault(Text(row[LayoutCode])) ?? throw new DomainException("pricing.units.layout.unknown", Text(row[LayoutCode]));
        var floor = row.Has(Floor) ? Whole(row, Floor) : throw new DomainException("pricing.import.required", code, Floor.Header);
        if (floor is < MinFloor or > MaxFloor)
        {
            throw new DomainException("pricing.units.floor.range", MinFloor, MaxFloor);
        }
        var stack = Text(row[Stack]);
        if (stack.Length is 0 or > MaxStackLength)
        {
            throw new DomainException("pricing.units.stack.invalid", MaxStackLength);
        }
        var gross = Amount(row, GrossArea) ?? throw new DomainException("pricing.import.required", code, GrossArea.Header);
        var net = Amount(row, NetArea) ?? throw new DomainException("pricing.import.required", code, NetArea.Header);
        if (gross > MaxArea || net > gross)
        {
            throw new DomainException("pricing.units.area.range", MaxArea);
        }
        var orientation = Text(row[Orientation]);
        if (orientation.Length > MaxOrientationLength)
        {
            throw new DomainException("pricing.units.orientation.tooLong", MaxOrientationLength);
        }
        var basis = row.Has(Basis) ? BasisOf(row) : PriceBasis.GrossArea;
        var amount = basis == PriceBasis.Total
            ? Amount(row, ListPrice) ?? throw new DomainException("pricing.import.required", code, ListPrice.Header)
            : Amount(row, UnitPrice) ?? throw new DomainException("pricing.import.required", code, UnitPrice.Header);
        var floorPrice = Amount(row, FloorPrice) ?? throw new DomainException("pricing.import.required", code, FloorPrice.Header);
        var (unitPrice, list) = Prices(basis, amount, gross, net);
        if (list > Money.MaxPrice)
        {
            throw new DomainException("price.amount.range", code);
        }
        if (floorPrice > list)
        {
            throw new DomainException("pricing.import.floorAboveList", code, floorPrice, list);
        }
        var unit = new Unit
        {
            ProjectId = projectId,
            BuildingId = building.Id,
            Code = code,
            Floor = floor,
            Stack = stack,
            LayoutId = layout.Id,
            GrossArea = gross,
            NetArea = net,
            Orientation = orientation,
            PriceBasis = basis,
            UnitPrice = unitPrice,
            ListPrice = list,
            FloorPrice = floorPrice,
        };
        unit.Initialise(UnitStatus.Unreleased, now);
        return unit;
    }

    private const int MaxCodeLength = 30;
    private const int MaxStackLength = 10;
    private const int MaxOrientationLength = 10;
    private const int MinFloor = -10;
    private const int MaxFloor = 300;
    private const decimal MaxArea = 100_000m;

    /// <summary>The unit price and list price a basis and amount make, as <see cref="Unit.Reprice"/> makes them.</summary>
    private static (decimal UnitPrice, decimal ListPrice) Prices(PriceBasis basis, decimal amount, decimal gross, decimal net)
    {
        var list = Money.Fen(basis == PriceBasis.Total ? amount : amount * (basis == PriceBasis.NetArea ? net : gross));
        return (basis == PriceBasis.Total ? Money.Fen(list / gross) : amount, list);
    }

    /// <summary>A row's code: given, once in the file, and known (or, for new units, not yet known).</summary>
    private static T Known<T>(string code, Dictionary<string, int> firstRows, int number, Func<string, T> lookUp)
    {
        if (code.Length == 0)
        {
            throw new DomainException("pricing.import.codeRequired");
        }
        if (firstRows.TryGetValue(code, out var first))
        {
            throw new DomainException("pricing.import.duplicate", code, first);
        }
        firstRows[code] = number;
        return lookUp(code);
    }

    private static PriceBasis BasisOf(SheetRow row) =>
        TryParseBasis(row[Basis], out var basis) ? basis : throw new DomainException("pricing.import.basisUnknown", Text(row[Basis]));

    /// <summary>A money amount or an area: blank is null; otherwise a number above zero, to the fen.</summary>
    private static decimal? Amount(SheetRow row, SheetColumn column)
    {
        if (!row.Has(column))
        {
            return null;
        }
        if (!TryNumber(row[column], out var value))
        {
            throw new DomainException("pricing.import.notNumber", column.Header, Text(row[column]));
        }
        if (value <= 0)
        {
            throw new DomainException("pricing.import.notPositive", column.Header);
        }
        return value == Money.Fen(value) ? value : throw new DomainException("pricing.import.fen", column.Header);
    }

    private static int Whole(SheetRow row, SheetColumn column) =>
        TryNumber(row[column], out var value) && value == decimal.Truncate(value) && Math.Abs(value) < int.MaxValue
            ? (int)value
            : throw new DomainException("pricing.import.notWhole", column.Header, Text(row[column]));
}
