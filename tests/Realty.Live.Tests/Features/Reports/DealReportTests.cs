using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Reports;

namespace Realty.Live.Tests.Features.SalesReports;

/// <summary>Agents, unit status, sold units, deals awaiting their next step and customers, over <see cref="SalesWeek"/>, as of Mon 30 Nov 12:00.</summary>
[Collection(SalesWeek.Readers)]
public sealed class DealReportTests(SalesWeek week)
{
    private ReportService Reports => week.Reports;

    [Fact]
    public async Task EachAgentHasTheVisitsTheyReceivedAndTheStepsOfTheirDealsBestSellerFirst()
    {
        var report = Ready(await Reports.AgentsAsync(week.Range(23, 30), People.Chen));

        Assert.Equal(
        [
            new AgentRow(People.Wang.Id, "王芳", 2, 0, 1, 2, 1, 1, 5_036_416m, 0, 0.5m),
            new AgentRow(People.Li.Id, "李强", 1, 1, 0, 1, 1, 1, 3_586_700m, 2, 1m),
            new AgentRow(Staff.Zhou.Id, "周杰", 0, 0, 0, 0, 0, 0, 0m, 0, null),
        ],
            report.Rows);
        Assert.Equal(new AgentRow(null, "", 3, 1, 1, 3, 2, 2, 8_623_116m, 2, 0.6667m), report.Totals);
    }

    [Fact]
    public async Task AnAgentsNumbersDrillToTheirOwnStepsAndCustomers()
    {
        var view = (await Reports.ViewAsync(ReportKind.Agents, new ReportQuery(week.Project.Id.ToString(), "2026-11-23", "2026-11-30"), People.Chen)).View!;
        var li = view.Tables[0].Rows.Single(r => r.Key == People.Li.Id);
        var columns = view.Tables[0].Columns.Select(c => c.Key).ToList();

        Assert.Equal($"/reports/customers?project={week.Project.Id}&from=2026-11-23&to=2026-11-30&agent=agent-li", li.Cells[0].Href);
        Assert.Equal($"/reports/steps?project={week.Project.Id}&from=2026-11-23&to=2026-11-30&agent=agent-li&action=cancel", li.Cells[columns.IndexOf("cancellations")].Href);
        Assert.Null(li.Cells[columns.IndexOf("conversion")].Href);
    }

    [Fact]
    public async Task TheUnitStatusTableCountsEachBuildingAndARehearsalsUnitAsAvailable()
    {
        var report = Ready(await Reports.UnitsAsync(week.Range(30, 30), People.Chen));

        Assert.Equal(
        [
            ("1#", Counts(available: 18, deposited: 1, subscribed: 1), 20, 1_940m, 79_200_500m),
            ("2#", Counts(available: 1, deposited: 1, signed: 1), 3, 384m, 15_475_200m),
        ],
            report.Buildings.Select(b => (b.Building, Counted(b), b.Units, b.Area, b.ListValue)));
        Assert.Equal((Counts(available: 19, deposited: 2, subscribed: 1, signed: 1), 23, 2_324m, 94_675_700m),
            (Counted(report.Totals), report.Totals.Units, report.Totals.Area, report.Totals.ListValue));
        Assert.Equal((23, 1), (report.UnitCount, report.RehearsalUnits));
    }

    [Fact]
    public async Task AStatusCellDrillsToItsUnitsWithTheLiveDealsBuyerAndAgent()
    {
        var signed = Ready(await Reports.UnitsAsync(week.Range(30, 30) with { Status = UnitStatus.Signed }, People.Chen));
        var available = Ready(await Reports.UnitsAsync(week.Range(30, 30) with { Status = UnitStatus.Available, BuildingId = week.Building("1#") }, People.Chen, limit: 5));

        var unit = Assert.Single(signed.Units);
        Assert.Equal(("2#-101", "2#", 1, "01", "C", 128m, 40_150m, 5_139_200m, UnitStatus.Signed, Customers.ZhangName, "王芳"),
            (unit.Code, unit.Building, unit.Floor, unit.Stack, unit.Layout, unit.GrossArea, unit.UnitPrice, unit.ListPrice, unit.Status, unit.Customer, unit.Agent));
        Assert.Equal((18, 5), (available.UnitCount, available.Units.Count));
        Assert.Equal(["1#-101", "1#-102", "1#-201", "1#-301", "1#-401"], available.Units.Select(u => u.Code));
        Assert.All(available.Units, u => Assert.Equal((UnitStatus.Available, (string?)null), (u.Status, u.Customer)));
    }

    [Fact]
    public async Task TheSoldListHasTheContractsOfTheSalesReportWithTheirPricesAndWhatBecameOfThem()
    {
        var report = Ready(await Reports.SoldAsync(week.Range(23, 30), People.Chen));
        var sales = Ready(await Reports.SalesAsync(week.Range(23, 30), People.Chen));

        Assert.Equal(
        [
            ("1#-101", "1#", "A", 89m, Customers.ZhangName, "王芳", "HT-001", new DateOnly(2026, 11, 26), new DateTime(2026, 11, 26, 15, 0, 0), 5_139_200m, 5_036_416m, 102_784m, false, "2#-101"),
            ("1#-201", "1#", "A", 89m, Customers.ZhaoName, "李强", "HT-002", new DateOnly(2026, 11, 27), new DateTime(2026, 11, 27, 11, 0, 0), 3_586_700m, 3_586_700m, 0m, true, null),
        ],
            report.Rows.Select(s => (s.UnitCode, s.Building, s.Layout, s.Area, s.Buyer, s.Agent, s.ContractNo, s.ContractDate, s.SignedAt, s.Price, s.FinalPrice, s.Discount, s.Cancelled, s.MovedTo)));
        Assert.Equal((2, 178m, 8_725_900m, 8_623_116m, 102_784m), (report.Total, report.Area, report.Price, report.FinalPrice, report.Discount));
        Assert.Equal((sales.Totals.Contracts, sales.Totals.ContractArea, sales.Totals.ContractAmount), (report.Total, report.Area, report.FinalPrice));
    }

    [Fact]
    public async Task DealsAwaitingTheirNextStepListTheOverdueFirst()
    {
        var report = Ready(await Reports.AwaitingAsync(week.Range(30, 30), People.Chen));

        Assert.Equal(
        [
            ("2#-201", FunnelStage.Deposited, "李娜", "137****0003", "李强", new DateOnly(2026, 11, 24), 20_000m, new DateOnly(2026, 11, 27), (DateTime?)new DateTime(2026, 11, 27, 10, 0, 0), true, 3, 5_158_400m),
            ("1#-302", FunnelStage.Subscribed, "钱明", "137****0001", "李强", new DateOnly(2026, 11, 22), 50_000m, new DateOnly(2026, 11, 29), null, true, 1, 4_247_250m),
            ("1#-202", FunnelStage.Deposited, "孙悦", "137****0002", "王芳", new DateOnly(2026, 11, 28), 20_000m, new DateOnly(2026, 12, 1), new DateTime(2026, 12, 1, 10, 0, 0), false, 0, 4_231_500m),
        ],
            report.Rows.Select(r => (r.UnitCode, r.Stage, r.Customer, r.Phone, r.Agent, r.Since, r.Paid, r.Due, r.DueAt, r.Overdue, r.DaysOverdue, r.Amount)));
        Assert.Equal((3, 2, 1, 2, 13_637_150m), (report.Total, report.Deposited, report.Subscribed, report.Overdue, report.Amount));
    }

    [Fact]
    public async Task AwaitingDealsFilterByStageOverdueBuildingAndAgent()
    {
        async Task<IEnumerable<string>> Units(ReportFilter filter) => Ready(await Reports.AwaitingAsync(filter, People.Chen)).Rows.Select(r => r.UnitCode);
        var today = week.Range(30, 30);

        Assert.Equal(["2#-201", "1#-202"], await Units(today with { Stage = FunnelStage.Deposited }));
        Assert.Equal(["1#-202"], await Units(today with { Overdue = false }));
        Assert.Equal(["2#-201", "1#-302"], await Units(today with { Overdue = true }));
        Assert.Equal(["1#-302", "1#-202"], await Units(today with { BuildingId = week.Building("1#") }));
        Assert.Equal(["1#-202"], await Units(today with { AgentId = People.Wang.Id }));
    }

    [Fact]
    public async Task CustomersRegisteredInTheRangeByStageAndChannelWithMaskedPhones()
    {
        var report = Ready(await Reports.CustomersAsync(week.Range(23, 30), People.Chen));

        Assert.Equal(ProjectChannel.Defaults, report.Channels);
        Assert.Equal(
        [
            (FunnelStage.Potential, "户外广告:1", 1),
            (FunnelStage.Interested, "路过:1", 1),
            (FunnelStage.Deposited, "网络推广:1 路过:1", 2),
            (FunnelStage.Subscribed, "", 0),
            (FunnelStage.Signed, "", 0),
            (FunnelStage.Owner, "", 0),
        ],
            report.Stages.Select(s => (s.Stage!.Value, NonZero(s), s.Total)));
        Assert.Equal(("户外广告:1 网络推广:1 路过:2", 4), (NonZero(report.Totals), report.Totals.Total));
        Assert.Equal(
        [
            (Customers.ZhaoName, "139****5678", "路过", FunnelStage.Interested, "李强", new DateTime(2026, 11, 23, 23, 59, 50)),
            ("李娜", "137****0003", "路过", FunnelStage.Deposited, "李强", new DateTime(2026, 11, 24, 9, 0, 0)),
            ("周一", "137****0004", "户外广告", FunnelStage.Potential, "王芳", new DateTime(2026, 11, 25, 11, 0, 0)),
            ("孙悦", "137****0002", "网络推广", FunnelStage.Deposited, "王芳", new DateTime(2026, 11, 28, 9, 30, 0)),
        ],
            report.Rows.Select(c => (c.Name, c.Phone, c.Channel, c.Stage, c.Owner, c.RegisteredAt)));
    }

    [Fact]
    public async Task ACustomerCellDrillsToItsCustomersAndAnAgentSeesOnlyTheirs()
    {
        var cell = Ready(await Reports.CustomersAsync(week.Range(23, 30) with { Stage = FunnelStage.Deposited, Channel = "路过" }, People.Chen));
        var li = Ready(await Reports.CustomersAsync(week.Range(23, 30) with { AgentId = People.Li.Id }, People.Chen));

        Assert.Equal(["李娜"], cell.Rows.Select(r => r.Name));
        Assert.Equal((1, 4), (cell.Total, cell.Totals.Total));
        Assert.Equal([Customers.ZhaoName, "李娜"], li.Rows.Select(r => r.Name));
        Assert.Equal(2, li.Totals.Total);
    }

    private static T Ready<T>(ReportAnswer<T> answer) => Assert.IsType<ReportAnswer<T>.Ready>(answer).Report;

    private static string Counts(int available = 0, int held = 0, int deposited = 0, int subscribed = 0, int signed = 0) =>
        $"available {available}, held {held}, deposited {deposited}, subscribed {subscribed}, signed {signed}, withheld 0, unreleased 0";

    private static string Counted(BuildingStatusRow row) =>
        string.Join(", ", ReportBook.StatusOrder.Select(s => $"{s.ToWire()} {row.Counts[s]}"));

    private static string NonZero(StageRow row) => string.Join(" ", row.ByChannel.Where(c => c.Value > 0).Select(c => $"{c.Key}:{c.Value}"));
}
