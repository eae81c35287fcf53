namespace Realty.Live.Web.Components.Charts;

/// <summary>The kinds of chart the cockpit and reports draw.</summary>
public enum ChartKind
{
    Bar,
    StackedBar,
    Line,
    Area,
    Heatmap,
    /// <summary>One slice per series, sized by the sum of its values; categories are not used.</summary>
    Donut,
}
