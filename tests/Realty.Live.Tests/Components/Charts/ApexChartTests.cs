using System.Text.RegularExpressions;
using Bunit;
using Realty.Live.Web.Components.Charts;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Components.Charts;

/// <summary>
/// The chart component against bUnit's strict JS interop: every call to charts.js must be one the test
/// planned, so an extra create or update fails the test.
/// </summary>
public sealed class ApexChartTests : BunitContext
{
    private const int Handle = 7;
    private static readonly string[] Buildings = ["1#", "2#"];

    private readonly BunitJSModuleInterop _module;

    public ApexChartTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        _module = JSInterop.SetupModule(ApexChart.ModulePath);
        _module.Setup<int>("create", _ => true).SetResult(Handle);
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    [Fact]
    public void TheFirstRenderDrawsTheChartOnceWithItsTypedSpec()
    {
        var chart = RenderSellThrough(signed: [3, 5], available: [17, 15], target: 10);

        var create = Assert.Single(_module.Invocations["create"]);
        var spec = Assert.IsType<ChartSpec>(create.Arguments[1]);
        Assert.Equivalent(new ChartSpec("stackedBar", "Sell-through", 280, Buildings,
            [new ChartSeriesData("Signed", [3d, 5d], "#d64545"), new ChartSeriesData("Available", [17d, 15d], "#2e9e44")],
            10, "Target"), spec, strict: true);
        Assert.Empty(_module.Invocations["update"]);

        var box = chart.Find(".apex-chart");
        Assert.Equal("stackedBar", box.GetAttribute("data-chart"));
        Assert.Equal("2", box.GetAttribute("data-series-count"));
        Assert.Equal("1#|2#", box.GetAttribute("data-categories"));
        Assert.Equal("Sell-through", box.GetAttribute("aria-label"));
    }

    [Fact]
    public void NewNumbersMoveTheDrawnChartInPlace()
    {
        var chart = RenderSellThrough(signed: [3, 5], available: [17, 15], target: 10);

        chart.Render(p => p.Add(c => c.Series, SellThrough([4, 5], [16, 15])));

        Assert.Single(_module.Invocations["create"]);
        Assert.Empty(_module.Invocations["destroy"]);
        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Equal(Handle, update.Arguments[0]);
        Assert.Equivalent(new[]
        {
            new ChartSeriesData("Signed", [4d, 5d], "#d64545"),
            new ChartSeriesData("Available", [16d, 15d], "#2e9e44"),
        }, update.Arguments[1], strict: true);
        Assert.Equal(Buildings, (IEnumerable<string>)update.Arguments[2]!);
        Assert.Equal(10d, update.Arguments[3]);
    }

    [Fact]
    public void ANewCategoryOrTargetIsAnUpdateToo()
    {
        var chart = RenderSellThrough(signed: [3, 5], available: [17, 15], target: 10);

        chart.Render(p => p
            .Add(c => c.Categories, ["1#", "2#", "3#"])
            .Add(c => c.Series, SellThrough([3, 5, 0], [17, 15, 20])));
        chart.Render(p => p.Add(c => c.Target, 12d));

        Assert.Single(_module.Invocations["create"]);
        var updates = _module.Invocations["update"];
        Assert.Equal(2, updates.Count);
        Assert.Equal(["1#", "2#", "3#"], (IEnumerable<string>)updates[0].Arguments[2]!);
        Assert.Equal([10d, 12d], updates.Select(u => (double?)u.Arguments[3]));
        Assert.Equal("1#|2#|3#", chart.Find(".apex-chart").GetAttribute("data-categories"));
    }

    [Fact]
    public void TheSameNumbersInNewListsCostNoCall()
    {
        var chart = RenderSellThrough(signed: [3, 5], available: [17, 15], target: 10);

        chart.Render(p => p
            .Add(c => c.Categories, ["1#", "2#"])
            .Add(c => c.Series, SellThrough([3, 5], [17, 15]))
            .Add(c => c.Target, 10d));

        Assert.Single(_module.Invocations["create"]);
        Assert.Empty(_module.Invocations["update"]);
    }

    [Fact]
    public void AListTheCallerChangedInPlaceIsSeenAsNewNumbers()
    {
        double?[] signed = [3, 5];
        var chart = Render<ApexChart>(p => p
            .Add(c => c.Kind, ChartKind.Bar)
            .Add(c => c.Title, "Signed")
            .Add(c => c.Categories, Buildings)
            .Add(c => c.Series, [new ChartSeries("Signed", signed, Status: UnitStatus.Signed)]));

        signed[0] = 4;
        chart.Render(p => p.Add(c => c.Title, "Signed"));

        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Equal([4d, 5d], Assert.IsAssignableFrom<IReadOnlyList<ChartSeriesData>>(update.Arguments[1])[0].Values);
    }

    [Fact]
    public void AnotherKindRedrawsTheChart()
    {
        var chart = RenderSellThrough(signed: [3, 5], available: [17, 15], target: 10);

        chart.Render(p => p.Add(c => c.Kind, ChartKind.Bar));

        Assert.Equal(Handle, Assert.Single(_module.Invocations["destroy"]).Arguments[0]);
        Assert.Equal(["stackedBar", "bar"], _module.Invocations["create"].Select(c => ((ChartSpec)c.Arguments[1]!).Kind));
        Assert.Empty(_module.Invocations["update"]);
    }

    [Fact]
    public async Task DisposingTheChartDestroysIt()
    {
        RenderSellThrough(signed: [3, 5], available: [17, 15], target: 10);

        await DisposeComponentsAsync();

        Assert.Equal(Handle, Assert.Single(_module.Invocations["destroy"]).Arguments[0]);
    }

    [Fact]
    public void AGivenColourWinsAndOtherSeriesKeepThePalette()
    {
        Render<ApexChart>(p => p
            .Add(c => c.Kind, ChartKind.Line)
            .Add(c => c.Title, "Trend")
            .Add(c => c.Categories, ["1", "2"])
            .Add(c => c.Series, [
                new ChartSeries("Signed", [1, 2], "#123456", UnitStatus.Signed),
                new ChartSeries("Visits", [5, null]),
            ]));

        var spec = (ChartSpec)_module.Invocations["create"].Single().Arguments[1]!;
        Assert.Equal(["#123456", null], spec.Series.Select(s => s.Color));
        Assert.Equal([5d, null], spec.Series[1].Values);
    }

    [Fact]
    public void StatusColoursAreTheBoardsColours()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "wwwroot-assets", "css", "app.css"));

        foreach (var status in Enum.GetValues<UnitStatus>().Where(s => s != UnitStatus.Unreleased))
        {
            var variable = Regex.Match(css, $@"--s-{status.ToString().ToLowerInvariant()}:\s*(#[0-9a-fA-F]{{6}})");
            Assert.True(variable.Success, $"app.css has no --s-{status} colour");
            Assert.Equal(variable.Groups[1].Value, StatusColors.Of(status), ignoreCase: true);
        }
    }

    private IRenderedComponent<ApexChart> RenderSellThrough(double?[] signed, double?[] available, double target) =>
        Render<ApexChart>(p => p
            .Add(c => c.Kind, ChartKind.StackedBar)
            .Add(c => c.Title, "Sell-through")
            .Add(c => c.Height, 280)
            .Add(c => c.Categories, Buildings)
            .Add(c => c.Series, SellThrough(signed, available))
            .Add(c => c.Target, target)
            .Add(c => c.TargetLabel, "Target"));

    private static ChartSeries[] SellThrough(double?[] signed, double?[] available) =>
    [
        new("Signed", signed, Status: UnitStatus.Signed),
        new("Available", available, Status: UnitStatus.Available),
    ];

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Realty.Live.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
