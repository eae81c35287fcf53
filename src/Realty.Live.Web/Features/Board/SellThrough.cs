using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Board;

public static class SellThrough
{
    /// <summary>The order of the legend: what can be sold first, then the deal stages, then what is off sale.</summary>
    public static readonly UnitStatus[] LegendOrder =
        [UnitStatus.Available, UnitStatus.Held, UnitStatus.Deposited, UnitStatus.Subscribed, UnitStatus.Signed, UnitStatus.Withheld, UnitStatus.Unreleased];

    /// <summary>去化率: subscribed and signed units as a share of the units released for sale.</summary>
    public static decimal Percent(int[] counts)
    {
        var released = counts.Sum() - counts[(int)UnitStatus.Unreleased];
        var sold = counts[(int)UnitStatus.Subscribed] + counts[(int)UnitStatus.Signed];
        return released == 0 ? 0 : Math.Round(100m * sold / released, 1);
    }
}
