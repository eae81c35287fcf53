using System.Text.Json;

namespace Realty.Live.Web.Components.Charts;

/// <summary>A series as the browser gets it: the colour already resolved.</summary>
public sealed record ChartSeriesData(string Name, IReadOnlyList<double?> Values, string? Color);

/// <summary>
/// Everything charts.js needs to draw a chart; kind names are camel-case ("stackedBar"). The lists are
/// copies, so a caller that changes its own list afterwards is seen as a change next time.
/// </summary>
public sealed record ChartSpec(
    string Kind,
    string Title,
    int Height,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeriesData> Series,
    double? Target,
    string? TargetLabel)
{
    public static ChartSpec Of(ChartKind kind, string title, int height, IEnumerable<string> categories,
        IEnumerable<ChartSeries> series, double? target, string? targetLabel) =>
        new(KindName(kind), title, height, [.. categories],
            [.. series.Select(s => new ChartSeriesData(s.Name, [.. s.Values], s.ResolvedColor))], target, targetLabel);

    public static string KindName(ChartKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>Whether the drawn data (categories, series, target) is the same; decides whether to update.</summary>
    public bool SameDataAs(ChartSpec other) =>
        Categories.SequenceEqual(other.Categories)
        && Target == other.Target
        && Series.Count == other.Series.Count
        && Series.Zip(other.Series).All(p =>
            p.First.Name == p.Second.Name && p.First.Color == p.Second.Color && p.First.Values.SequenceEqual(p.Second.Values));
}
