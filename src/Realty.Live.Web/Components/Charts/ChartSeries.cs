using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Components.Charts;

/// <summary>
/// One named row of values, one per category (a missing value is null: a gap in a line, an empty heat-map
/// cell). The colour is a CSS hex colour; without one, a series of a unit status takes the board's colour
/// for it, and any other takes the chart's palette.
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string? Color = null, UnitStatus? Status = null)
{
    /// <summary>The colour the chart draws: the given one, else the status colour, else none (the palette).</summary>
    public string? ResolvedColor => Color ?? (Status is { } status ? StatusColors.Of(status) : null);
}

/// <summary>
/// The board's status colours (the --s-* variables of app.css), for charts: ApexCharts computes shades from
/// the colour, so it needs the value, not a CSS variable.
/// </summary>
public static class StatusColors
{
    public static string Of(UnitStatus status) => status switch
    {
        UnitStatus.Available => "#2e9e44",
        UnitStatus.Held => "#f2c94c",
        UnitStatus.Deposited => "#f2994a",
        UnitStatus.Subscribed => "#2f80ed",
        UnitStatus.Signed => "#d64545",
        UnitStatus.Withheld => "#8c8c8c",
        // The board draws unreleased units white with a grey outline; a white bar would vanish on a chart.
        UnitStatus.Unreleased => "#c9d1da",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
