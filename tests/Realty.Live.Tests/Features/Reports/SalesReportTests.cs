using Microsoft.AspNetCore.WebUtilities;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Reports;

namespace Realty.Live.Tests.Features.SalesReports;

/// <summary>The sales report and the rows behind it, over <see cref="SalesWeek"/>; every expected number is worked out there by hand.</summary>
[Collection(SalesWeek.Readers)]
public sealed class SalesReportTests(SalesWeek week)
{
    private ReportService Reports => week.Reports;

    [Fact]
    public async Task TheDailyReportCountsEachStepOnTheProjectsCalendarDay()
    {
        var report = await SalesAsync(week.Range(23, 30));

        Assert.Equal(
        [
            (Day(23), F(walkIns: 1, holds: 1, deposits: 1)),
            (Day(24), F(calls: 1, deposits: 1, subscriptions: 1, subscribed: 4_215_750)),
            (Day(25), F(walkIns: 1, subscriptions: 1, subscribed: 5_036_416)),
            (Day(26), F(contracts: 1, area: 89, amount: 5_036_416, net: 1, netArea: 89, netAmount: 5_036_416)),
            (Day(27), F(contracts: 1, area: 89, amount: 3_586_700, net: 1, netArea: 89, netAmount: 3_586_700)),
            (Day(28), F(walkIns: 1, deposits: 1, cancellations: 1, net: -1, netArea: -89, netAmount: -3_586_700)),
            (Day(29), F(changes: 1, netArea: 39, netAmount: 1_534_533)),
            (Day(30), F(cancellations: 1)),
        ],
            report.Rows.Select(r => (r.From, r.Figures)));
        Assert.All(report.Rows, r => Assert.Equal(r.From, r.To));
        Assert.Equal(Totals, report.Totals);
    }

    [Fact]
    public async Task WeeksRunFromMondayToSundayAndTheRangeCutsTheFirstAndTheLast()
    {
        var report = await SalesAsync(week.Range(22, 30) with { Period = ReportPeriod.Week });

        Assert.Equal(
        [
            (Day(22), Day(22), F(walkIns: 1, subscriptions: 1, subscribed: 4_247_250)),
            (Day(23), Day(29), Totals with { Cancellations = 1 }),
            (Day(30), Day(30), F(cancellations: 1)),
        ],
            report.Rows.Select(r => (r.From, r.To, r.Figures)));
        Assert.Equal(Totals with { WalkIns = 4, Subscriptions = 3, SubscriptionAmount = 9_252_166 + 4_247_250 }, report.Totals);
        Assert.Equal(["2026-W47 (11-22 – 11-22)", "2026-W48 (11-23 – 11-29)", "2026-W49 (11-30 – 11-30)"],
            report.Rows.Select(r => InEnglish(() => ReportBook.PeriodLabel(ReportPeriod.Week, r.From, r.To))));
    }

    [Fact]
    public async Task MonthsAddUpTheirDays()
    {
        var filter = week.Range(23, 30) with { To = new DateOnly(2026, 12, 1), Period = ReportPeriod.Month };

        var report = await SalesAsync(filter);

        Assert.Equal([(Day(23), Day(30), Totals), (new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), F())], report.Rows.Select(r => (r.From, r.To, r.Figures)));
    }

    [Fact]
    public async Task EveryCountDrillsToExactlyTheRowsBehindIt()
    {
        var answer = await Reports.ViewAsync(ReportKind.Sales, Query(week.Range(23, 30).Url(ReportKind.Sales)), People.Chen);
        var table = Assert.Single(answer.View!.Tables);
        var drilled = 0;

        foreach (var row in table.Rows.Append(table.Totals!))
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (row.Cells[i] is not { Href: { } href, Value: { } value })
                {
                    continue;
                }
                var steps = await StepsAsync(href);
                var expected = table.Columns[i].Kind switch
                {
                    CellKind.Count => (decimal)steps.Total,
                    CellKind.Area => steps.Area,
                    _ => steps.Amount,
                };
                Assert.True(expected == Convert.ToDecimal(value), $"{row.Key} {table.Columns[i].Key}: {value} on the report, {expected} behind {href}");
                drilled++;
            }
        }
        // Eight days and the totals, eleven linked measures each.
        Assert.Equal(9 * 11, drilled);
    }

    [Fact]
    public async Task TheRowsBehindASkippedAheadSubscriptionShowItInProjectTime()
    {
        var steps = await StepsAsync(week.Range(24, 24) with { Action = Measure.Subscribe });

        var row = Assert.Single(steps.Rows);
        Assert.Equal(
            (new DateTime(2026, 11, 24, 0, 0, 10), "1#-102", "1#", Measure.Subscribe, UnitStatus.Available, UnitStatus.Subscribed, "李强", Customers.ZhaoName, 105m, 4_215_750m),
            (row.LocalAt, row.UnitCode, row.Building, row.Action, row.From, row.To, row.Agent, row.Customer, row.Area, row.Amount));
        Assert.Equal(new DateTime(2026, 11, 23, 16, 0, 10, DateTimeKind.Utc), row.At);
    }

    [Fact]
    public async Task WalkInsDrillToTheVisitsThemselves()
    {
        var visits = await StepsAsync(week.Range(22, 23) with { Action = Measure.WalkIn });

        Assert.Equal(
            [(new DateTime(2026, 11, 22, 23, 59, 59), "王芳", Customers.ZhangName), (new DateTime(2026, 11, 23, 9, 5, 0), "王芳", Customers.ZhangName)],
            visits.Rows.Select(r => (r.LocalAt, r.Agent, r.Customer)));
        Assert.Equal((2, (decimal?)null), (visits.Total, visits.Amount));
    }

    [Fact]
    public async Task ARehearsalNeverCounts()
    {
        var monday = await StepsAsync(week.Range(30, 30));
        var contracts = await StepsAsync(week.Range(22, 30) with { Action = Measure.Sign });

        Assert.Equal([("1#-102", Measure.Cancel)], monday.Rows.Select(r => (r.UnitCode, r.Action)));
        Assert.Equal(["1#-101", "1#-201"], contracts.Rows.Select(r => r.UnitCode));
        // m² and money are summed for one kind of step only: holds and contracts do not add up.
        Assert.Equal((1, (decimal?)null, (decimal?)null), (monday.Total, monday.Area, monday.Amount));
        Assert.Equal((178m, 8_623_116m), (contracts.Area, contracts.Amount));
    }

    [Fact]
    public async Task UnderABuildingFilterVisitsAreLeftOutAndAChangeOfUnitCountsWhereTheDealArrived()
    {
        var report = await SalesAsync(week.Range(23, 30) with { BuildingId = week.Building("2#") });

        Assert.Equal(F(walkIns: null, calls: null, deposits: 1, changes: 1, netArea: 39, netAmount: 1_534_533), report.Totals);
        Assert.Equal(0, (await StepsAsync(week.Range(23, 30) with { BuildingId = week.Building("2#"), Action = Measure.WalkIn })).Total);
    }

    [Fact]
    public async Task AnAgentsReportCountsTheirDealsAndTheVisitsTheyReceived()
    {
        var report = await SalesAsync(week.Range(23, 30) with { AgentId = People.Li.Id });

        Assert.Equal(
            F(walkIns: 1, calls: 1, deposits: 1, subscriptions: 1, subscribed: 4_215_750, contracts: 1, area: 89, amount: 3_586_700, cancellations: 2),
            report.Totals);
    }

    [Fact]
    public async Task AnAgentIsRefusedEveryReport()
    {
        var filter = week.Range(23, 30);
        var refusal = Realty.Live.Web.Localization.L.T("reports.managerOnly");

        Assert.Equal(refusal, Refused(await Reports.SalesAsync(filter, People.Wang)));
        Assert.Equal(refusal, Refused(await Reports.StepsAsync(filter, People.Wang)));
        Assert.Equal(refusal, Refused(await Reports.AgentsAsync(filter, People.Wang)));
        Assert.Equal(refusal, Refused(await Reports.UnitsAsync(filter, People.Wang)));
        Assert.Equal(refusal, Refused(await Reports.SoldAsync(filter, People.Wang)));
        Assert.Equal(refusal, Refused(await Reports.AwaitingAsync(filter, People.Wang)));
        Assert.Equal(refusal, Refused(await Reports.CustomersAsync(filter, People.Wang)));
        Assert.Equal(refusal, (await Reports.ViewAsync(ReportKind.Sales, new ReportQuery(), People.Li)).Error);
    }

    /// <summary>23–30 November: the sum of the daily rows above.</summary>
    private static readonly SalesFigures Totals = F(
        walkIns: 3, calls: 1, holds: 1, deposits: 3, subscriptions: 2, subscribed: 9_252_166, contracts: 2, area: 178, amount: 8_623_116,
        cancellations: 2, changes: 1, net: 1, netArea: 128, netAmount: 6_570_949);

    private static SalesFigures F(
        int? walkIns = 0, int? calls = 0, int holds = 0, int deposits = 0, int subscriptions = 0, decimal subscribed = 0, int contracts = 0, decimal area = 0,
        decimal amount = 0, int cancellations = 0, int changes = 0, int net = 0, decimal netArea = 0, decimal netAmount = 0) =>
        new(walkIns, calls, holds, deposits, subscriptions, subscribed, contracts, area, amount, cancellations, changes, net, netArea, netAmount);

    private static DateOnly Day(int day) => new(2026, 11, day);

    private async Task<SalesReport> SalesAsync(ReportFilter filter) =>
        Assert.IsType<ReportAnswer<SalesReport>.Ready>(await Reports.SalesAsync(filter, People.Chen)).Report;

    private async Task<StepsReport> StepsAsync(ReportFilter filter) =>
        Assert.IsType<ReportAnswer<StepsReport>.Ready>(await Reports.StepsAsync(filter, People.Chen, ReportService.ExportRows)).Report;

    /// <summary>The steps a drill-down link opens, its query checked as the page checks it.</summary>
    private async Task<StepsReport> StepsAsync(string href)
    {
        Assert.StartsWith("/reports/steps?", href);
        var answer = await Reports.FilterAsync(ReportKind.Steps, Query(href), People.Chen);
        return await StepsAsync(answer.Filter ?? throw new Xunit.Sdk.XunitException(answer.Error));
    }

    private static ReportQuery Query(string href) => ReportQuery.Of(QueryHelpers.ParseQuery(new Uri("http://x" + href).Query));

    private static string Refused<T>(ReportAnswer<T> answer) => Assert.IsType<ReportAnswer<T>.Refused>(answer).Message;

    private static string InEnglish(Func<string> text)
    {
        using var _ = CultureScope.Of("en");
        return text();
    }
}
