using System.Globalization;
using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Reports;

namespace Realty.Live.Tests.Features.SalesReports;

/// <summary>Each report's workbook, read back with MiniExcel, holds exactly the tables the page shows.</summary>
[Collection(SalesWeek.Readers)]
public sealed class ReportExportTests(SalesWeek week)
{
    public static TheoryData<ReportKind, string> Reports => new()
    {
        { ReportKind.Sales, "from=2026-11-22&to=2026-11-30&period=week" },
        { ReportKind.Steps, "from=2026-11-23&to=2026-11-30" },
        { ReportKind.Steps, "from=2026-11-23&to=2026-11-30&action=walkin" },
        { ReportKind.Agents, "from=2026-11-23&to=2026-11-30" },
        { ReportKind.Units, "status=available" },
        { ReportKind.Sold, "from=2026-11-23&to=2026-11-30" },
        { ReportKind.Awaiting, "" },
        { ReportKind.Customers, "from=2026-11-23&to=2026-11-30" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task TheWorkbookHoldsTheTablesOfThePageRowForRowWithTheirTotals(ReportKind kind, string query)
    {
        var view = await ViewAsync(kind, query);

        var workbook = new MemoryStream(ReportSheet.Write(view));

        Assert.Equal([.. view.Tables.Select(t => t.Title), Realty.Live.Web.Localization.L.T("reports.sheet.filters")], workbook.GetSheetNames());
        foreach (var table in view.Tables)
        {
            var rows = workbook.Query(useHeaderRow: true, sheetName: table.Title).Cast<IDictionary<string, object?>>().ToList();
            var expected = table.Totals is { } totals ? [.. table.Rows, totals] : table.Rows;
            Assert.Equal(expected.Select(r => r.Cells.Select(c => Text(c.Raw))), rows.Select(r => table.Columns.Select(c => Text(r[c.Title]))));
            Assert.NotEmpty(table.Rows);
        }
    }

    [Fact]
    public async Task TheFiltersSheetSaysWhatTheReportWasMadeOf()
    {
        using var _ = CultureScope.Of("zh-CN");
        var view = await ViewAsync(ReportKind.Sales, $"from=2026-11-23&to=2026-11-30&building={week.Building("2#")}&agent={People.Li.Id}");

        var rows = new MemoryStream(ReportSheet.Write(view)).Query(useHeaderRow: true, sheetName: "筛选条件").Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(
        [
            ("项目", "滨江花园 Riverside Garden"), ("日期", "2026-11-23 – 2026-11-30"), ("统计周期", "日"), ("楼栋", "2#"), ("置业顾问", "李强"),
            ("说明", "来访和来电属于项目而非楼栋：按楼栋筛选时不统计。"),
        ],
            rows.Select(r => ((string)r["条件"]!, (string)r["值"]!)));
    }

    [Fact]
    public async Task HeadersAreInTheReadersLanguage()
    {
        using var _ = CultureScope.Of("en");
        var view = await ViewAsync(ReportKind.Sales, "from=2026-11-23&to=2026-11-30");

        var workbook = new MemoryStream(ReportSheet.Write(view));
        var header = workbook.Query(useHeaderRow: false, sheetName: "Sales report").Cast<IDictionary<string, object?>>().First();

        Assert.Equal(["Sales report", "Filters"], workbook.GetSheetNames());
        Assert.Equal(
            ["Period", "Walk-ins", "Calls", "Holds", "Deposits", "Subscriptions", "Subscribed amount", "Contracts", "Contracts m²", "Contract amount", "Cancellations",
                "Changes of unit", "Net signed", "Net signed m²", "Net signed amount"],
            header.Values.Select(v => (string)v!));
    }

    [Fact]
    public async Task AnEmptyListStillHasItsColumns()
    {
        using var _ = CultureScope.Of("zh-CN");
        var view = await ViewAsync(ReportKind.Sold, "from=2026-11-01&to=2026-11-02");

        var workbook = new MemoryStream(ReportSheet.Write(view));
        var rows = workbook.Query(useHeaderRow: false, sheetName: view.Tables[0].Title).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(view.Tables[0].Columns.Select(c => c.Title), rows[0].Values.Select(v => (string)v!));
        Assert.Equal("合计 · 0 套", rows[1].Values.First());
    }

    private async Task<ReportView> ViewAsync(ReportKind kind, string query)
    {
        var link = $"?project={week.Project.Id}" + (query.Length > 0 ? "&" + query : "");
        var answer = await week.Reports.ViewAsync(kind, ReportQuery.Of(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link)), People.Chen, ReportService.ExportRows);
        return answer.View ?? throw new Xunit.Sdk.XunitException(answer.Error);
    }

    /// <summary>A cell as text: the sheet gives numbers back as doubles, the page holds ints and decimals.</summary>
    private static string Text(object? value) => value switch
    {
        null or DBNull => "",
        double or decimal or int or long => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };
}
