namespace Realty.Live.Web.Domain;

/// <summary>One price a unit had (价格历史): its first, and every adjustment after it.</summary>
public sealed class PriceRecord
{
    public const int MaxReasonLength = 200;

    private PriceRecord()
    {
    }

    /// <summary>The unit's prices as they are now, written down.</summary>
    public PriceRecord(Unit unit, string byName, DateTime at, string? reason, Guid? adjustmentId = null)
    {
        ProjectId = unit.ProjectId;
        Unit = unit;
        PriceBasis = unit.PriceBasis;
        UnitPrice = unit.UnitPrice;
        ListPrice = unit.ListPrice;
        FloorPrice = unit.FloorPrice;
        ByName = byName;
        At = at;
        Reason = reason;
        AdjustmentId = adjustmentId;
    }

    public long Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    public PriceBasis PriceBasis { get; private set; }

    public decimal UnitPrice { get; private set; }

    public decimal ListPrice { get; private set; }

    public decimal FloorPrice { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime At { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The batch adjustment (or import) it came from: one id for every unit it touched.</summary>
    public Guid? AdjustmentId { get; private set; }
}
