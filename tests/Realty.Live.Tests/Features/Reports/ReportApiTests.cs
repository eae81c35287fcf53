using System.Net;
using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Reports;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.SalesReports;

/// <summary>The Excel download of a report, over the demo project.</summary>
public sealed class ReportApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    [Fact]
    public async Task AManagerDownloadsTheReportOfTheLinkTheyAreLookingAt()
    {
        using var client = await app.ClientAsync(Manager, "en");

        var response = await client.GetAsync($"/api/reports/sales.xlsx?project={app.ProjectId}&from=2026-01-01&to=2026-01-31&period=week");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportSheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"sales-{app.ProjectId}-20260101-20260131.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Sales report", "Filters"], workbook.GetSheetNames());
        // Five ISO weeks touch January 2026 (Thursday 1st to Saturday 31st), then the totals.
        Assert.Equal(6, workbook.Query(useHeaderRow: true, sheetName: "Sales report").Count());
    }

    [Fact]
    public async Task AnAgentCannotDownloadAReport()
    {
        using var client = await app.ClientAsync(Wang);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/reports/units.xlsx?project={app.ProjectId}")).StatusCode);
    }

    [Fact]
    public async Task ALinkThatDoesNotHoldIsExplainedAndAnUnknownReportIsNotFound()
    {
        using var client = await app.ClientAsync(Manager, "en");

        var refused = await client.GetAsync($"/api/reports/customers.xlsx?project={app.ProjectId}&from=2026-02-30");
        var unknown = await client.GetAsync($"/api/reports/bonus.xlsx?project={app.ProjectId}");

        Assert.Equal("\"2026-02-30\" is not a date: write it as yyyy-MM-dd, e.g. 2026-11-01.", await refused.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("There is no report called \"bonus\".", await unknown.DetailAsync(HttpStatusCode.NotFound));
    }
}
