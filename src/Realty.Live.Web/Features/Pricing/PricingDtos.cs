using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Pricing;

/// <summary>How a batch adjustment (调价) changes the prices it selects.</summary>
public enum AdjustMode
{
    /// <summary>By a percentage of each price, e.g. +2.5 or −1.</summary>
    Percent,

    /// <summary>By an amount per m² of the area the unit is priced by (gross area for a unit priced by its total).</summary>
    PerM2,

    /// <summary>By an amount on the total of each unit.</summary>
    Total,
}

/// <summary>A manager sets one unit's price: the version they saw, the basis, the amount it sets and the floor price.</summary>
public sealed record RepriceCommand(int ExpectedVersion, PriceBasis Basis, decimal Amount, decimal FloorPrice, string? Reason = null);

/// <summary>Which units a batch is for: a project, and any combination of building, floors, stacks and layouts.</summary>
public sealed record PriceSelection(
    int ProjectId,
    int? BuildingId = null,
    int? FloorFrom = null,
    int? FloorTo = null,
    IReadOnlyList<string>? Stacks = null,
    IReadOnlyList<int>? LayoutIds = null);

public sealed record BatchAdjustment(PriceSelection Selection, AdjustMode Mode, decimal Value, string? Reason = null);

/// <summary>A unit's prices at one moment.</summary>
public sealed record PricePoint(PriceBasis Basis, decimal UnitPrice, decimal ListPrice, decimal FloorPrice)
{
    public static PricePoint Of(Unit unit) => new(unit.PriceBasis, unit.UnitPrice, unit.ListPrice, unit.FloorPrice);
}

/// <summary>One unit a batch would reprice, at the version the preview saw.</summary>
public sealed record PreviewRow(int UnitId, string Code, UnitStatus Status, int Version, PricePoint Old, PricePoint New)
{
    public decimal Difference => New.ListPrice - Old.ListPrice;
}

/// <summary>A selected unit the batch leaves alone, and why.</summary>
public sealed record SkippedUnit(int UnitId, string Code, UnitStatus Status, int Version, string Reason);

/// <summary>What a batch would do, unit by unit; applying it does exactly this or nothing.</summary>
public sealed record BatchPreview(BatchAdjustment Adjustment, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<SkippedUnit> Skipped)
{
    public decimal OldTotal => Rows.Sum(r => r.Old.ListPrice);

    public decimal NewTotal => Rows.Sum(r => r.New.ListPrice);

    public decimal Difference => NewTotal - OldTotal;

    public decimal OldFloorTotal => Rows.Sum(r => r.Old.FloorPrice);

    public decimal NewFloorTotal => Rows.Sum(r => r.New.FloorPrice);
}

public abstract record PreviewResult
{
    public sealed record Ok(BatchPreview Preview) : PreviewResult;

    public sealed record Rejected(string Message) : PreviewResult;
}

public abstract record PriceResult
{
    /// <summary>Committed: the units repriced, under one adjustment id for a batch or an import.</summary>
    public sealed record Done(Guid? AdjustmentId, IReadOnlyList<string> Codes) : PriceResult;

    /// <summary>Bad input or a rule refused it: nothing changed.</summary>
    public sealed record Rejected(string Message) : PriceResult;

    /// <summary>Somebody changed these units since they were seen: nothing changed.</summary>
    public sealed record Conflict(string Message, IReadOnlyList<string> Codes) : PriceResult;

    public sealed record NotFound(string Message) : PriceResult;
}

/// <summary>One price a unit had, newest first in a history.</summary>
public sealed record PriceHistoryEntry(
    long Id, DateTime At, string ByName, PriceBasis Basis, decimal UnitPrice, decimal ListPrice, decimal FloorPrice, string? Reason, Guid? AdjustmentId);

/// <summary>A unit's prices now, the deal's where it has one, and every price it had.</summary>
public sealed record UnitPrices(
    int UnitId,
    string Code,
    UnitStatus Status,
    int Version,
    decimal GrossArea,
    decimal NetArea,
    PricePoint Current,
    decimal? DealPrice,
    IReadOnlyList<PriceHistoryEntry> History);

public sealed record BuildingChoice(int Id, string Name);

public sealed record LayoutChoice(int Id, string Code, string Name);

/// <summary>What the pricing page offers to select by, for one project.</summary>
public sealed record PriceFilters(
    IReadOnlyList<BuildingChoice> Buildings,
    IReadOnlyList<string> Stacks,
    IReadOnlyList<LayoutChoice> Layouts,
    IReadOnlyList<string> Codes,
    int LowestFloor,
    int HighestFloor);

/// <summary>What became of one row of an uploaded sheet; the row number is Excel's.</summary>
public sealed record ImportRow(int Row, string? Code, bool Ok, string Message);

/// <summary>
/// The row-by-row answer to an upload. Accepted means every row was good: then everything was applied
/// (or nothing needed changing); otherwise nothing was.
/// </summary>
public sealed record ImportReport(bool Accepted, int Changed, string Summary, IReadOnlyList<ImportRow> Rows, Guid? AdjustmentId = null)
{
    public int Errors => Rows.Count(r => !r.Ok);

    public static ImportReport Refused(string summary, IReadOnlyList<ImportRow>? rows = null) => new(false, 0, summary, rows ?? []);
}
