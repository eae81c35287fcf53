using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Reports;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.SalesReports;

/// <summary>
/// The report pages as a manager opens them from a link: 王芳 held 1#-101 (3,573,350) and subscribed 1#-102
/// (4,215,750) this Sunday morning, 22 November 2026.
/// </summary>
public sealed class ReportPageTests : BoardComponentTest
{
    public ReportPageTests()
    {
        Services.AddSingleton<ReportService>();
        SignInAs(People.Chen);
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private string Today => $"project={Project.Id}&from=2026-11-22&to=2026-11-22";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.IsType<CommandResult.Done>(await Units.ExecuteAsync(Project.UnitId("1#-101"), UnitAction.Hold, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone), People.Wang));
        Assert.IsType<CommandResult.Done>(await Units.ExecuteAsync(
            Project.UnitId("1#-102"), UnitAction.Subscribe, new UnitCommand(1, Customers.ZhaoName, Customers.ZhaoPhone, PlanId: Project.OneOffPlanId), People.Wang));
    }

    [Fact]
    public async Task TheSalesReportShowsTheDayAndEachCountLinksToItsRows()
    {
        var page = await OpenAsync($"/reports/sales?{Today}");

        var row = page.Find("[data-report-row='2026-11-22']");
        Assert.Equal(("1", "0", "1", "4215750"),
            (Value(row, "holds"), Value(row, "contracts"), Value(row, "subscriptions"), Value(row, "subscriptionAmount")));
        Assert.Equal($"/reports/steps?project={Project.Id}&from=2026-11-22&to=2026-11-22&action=subscribe",
            row.QuerySelector("[data-col='subscriptions'] a[data-drill]")!.GetAttribute("href"));
        Assert.Null(row.QuerySelector("[data-col='netUnits'] a"));
        Assert.Equal(L.Money(4_215_750m), page.Find("[data-report-total] [data-total='subscriptionAmount']").TextContent.Trim());
        Assert.Equal($"/api/reports/sales.xlsx?project={Project.Id}&from=2026-11-22&to=2026-11-22&period=day", page.Find("[data-action='export']").GetAttribute("href"));
        Assert.Equal("window.print()", page.Find("[data-action='print']").GetAttribute("onclick"));
    }

    [Fact]
    public async Task ADrillDownOpensTheRowsBehindTheCount()
    {
        var page = await OpenAsync($"/reports/steps?{Today}&action=subscribe");

        var row = page.Find("[data-report-row]");
        Assert.Equal(("2026-11-22 10:00", "1#-102", "1#", People.Wang.Name, Customers.ZhaoName, "105", "4215750"),
            (Value(row, "time"), Value(row, "unit"), Value(row, "building"), Value(row, "agent"), Value(row, "customer"), Value(row, "area"), Value(row, "amount")));
        Assert.Single(page.FindAll("[data-report-row]"));
    }

    [Fact]
    public async Task ChangingAFilterPutsItInTheLinkAndTheReportFollows()
    {
        var page = await OpenAsync($"/reports/sales?{Today}");

        page.Find("input[data-filter='from']").Change("2026-11-16");

        Assert.Equal($"http://localhost/reports/sales?project={Project.Id}&from=2026-11-16&to=2026-11-22", Navigation.Uri);
        await page.WaitForAssertionAsync(() => Assert.Equal(7, page.FindAll("[data-report-row]").Count));
        Assert.Equal($"/reports/sales?project={Project.Id}&from=2026-11-16&to=2026-11-22&period=day", page.Find("[data-range='week']").GetAttribute("href"));
    }

    [Fact]
    public async Task ALinkThatDoesNotHoldIsExplainedAndNothingIsCounted()
    {
        var page = await OpenAsync($"/reports/sales?project={Project.Id}&from=2026-11-30&to=2026-11-01", "[data-report-error]");

        Assert.StartsWith(L.T("reports.filter.order", "2026-11-30", "2026-11-01"), page.Find("[data-report-error]").TextContent.Trim());
        Assert.Equal($"/reports/sales?project={Project.Id}", page.Find("[data-action='reset']").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-report-table]"));
        Assert.Empty(page.FindAll("[data-action='export']"));
    }

    [Fact]
    public async Task AnAgentIsShownNoReport()
    {
        SignInAs(People.Wang);

        var page = await OpenAsync($"/reports/sales?{Today}", "[data-report-error]");

        Assert.StartsWith(L.T("reports.managerOnly"), page.Find("[data-report-error]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-report-filters]"));
        Assert.Empty(page.FindAll("[data-report-table]"));
    }

    [Fact]
    public async Task TheUnitStatusTableLinksEachCellToItsUnits()
    {
        var page = await OpenAsync($"/reports/units?project={Project.Id}&building={Project.Buildings["1#"]}");

        var tower = page.Find($"[data-report-table='status'] [data-report-row='{Project.Buildings["1#"]}']");
        Assert.Equal(("18", "1", "1", "20"), (Value(tower, "status-available"), Value(tower, "status-held"), Value(tower, "status-subscribed"), Value(tower, "units")));
        Assert.Equal($"/reports/units?project={Project.Id}&building={Project.Buildings["1#"]}&status=held",
            tower.QuerySelector("[data-col='status-held'] a")!.GetAttribute("href"));
        Assert.Equal(20, page.FindAll("[data-report-table='units'] [data-report-row]").Count);
    }

    [Fact]
    public void TheIndexHasACardForEachReport()
    {
        var page = Render<ReportsIndexPage>();

        Assert.Equal(["sales", "steps", "agents", "units", "sold", "awaiting", "customers"], page.FindAll("[data-report-card]").Select(c => c.GetAttribute("data-report-card")));
        Assert.Equal("/reports/awaiting", page.Find("[data-report-card='awaiting']").GetAttribute("href"));
    }

    private async Task<IRenderedComponent<ReportPage>> OpenAsync(string link, string ready = "[data-report-table]")
    {
        Navigation.NavigateTo(link);
        var page = Render<ReportPage>();
        await page.WaitForElementAsync(ready);
        return page;
    }

    private static string? Value(AngleSharp.Dom.IElement row, string column) => row.QuerySelector($"[data-col='{column}']")?.GetAttribute("data-value");
}
