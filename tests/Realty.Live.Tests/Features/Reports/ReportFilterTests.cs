using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Reports;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.SalesReports;

/// <summary>A report's link is checked before anything is counted: a bad value is explained, and no report is made of it.</summary>
public sealed class ReportFilterTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private ReportService Reports => new(_app.Database.Factory(), _app.Clock);

    private string Project => _project.Id.ToString();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        await _app.Database.AddStaffAsync([People.Wang, People.Chen]);
        var registry = _app.Service<CustomerService>();
        await registry.RegisterAsync(new RegisterCustomer(_project.Id, Customers.ZhangName, Customers.ZhangPhone, "路过", FirstContact.WalkIn), People.Wang);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WithoutDatesAReportIsOfTodayInTheProjectsCalendar()
    {
        // 16:30 UTC on the 22nd is half past midnight on the 23rd in Shanghai.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero));

        var answer = await Reports.FilterAsync(ReportKind.Sales, new ReportQuery(), People.Chen);

        Assert.Null(answer.Error);
        Assert.Equal((_project.Id, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), ReportPeriod.Day), (answer.Filter!.ProjectId, answer.Filter.From, answer.Filter.To, answer.Filter.Period));
        Assert.Equal(new DateOnly(2026, 11, 23), answer.Context!.Today);
    }

    [Fact]
    public async Task AWholeLinkIsReadBackAsItWasWritten()
    {
        var building = _project.Buildings["1#"];
        var link = $"?project={Project}&from=2026-11-01&to=2026-11-30&building={building}&agent={People.Wang.Id}&action=sign";

        var answer = await Reports.FilterAsync(ReportKind.Steps, new ReportQuery(Project, "2026-11-01", "2026-11-30", Building: building.ToString(), Agent: People.Wang.Id, Action: "sign"), People.Chen);

        Assert.Null(answer.Error);
        Assert.Equal("/reports/steps" + link, answer.Filter!.Url(ReportKind.Steps));
        Assert.Equal("1#", answer.Context!.BuildingName(answer.Filter.BuildingId));
        Assert.Equal(People.Wang.Name, answer.Context.AgentName(answer.Filter.AgentId));
    }

    [Theory]
    [InlineData("2026-13-01", "2026-11-30", "reports.filter.date", "2026-13-01")]
    [InlineData("2026/11/01", "2026-11-30", "reports.filter.date", "2026/11/01")]
    [InlineData("2026-11-01", "yesterday", "reports.filter.date", "yesterday")]
    [InlineData("1999-12-31", "2000-01-01", "reports.filter.date", "1999-12-31")]
    public async Task ADateThatIsNotOneIsExplained(string from, string to, string key, string shown)
    {
        var answer = await Reports.FilterAsync(ReportKind.Sales, new ReportQuery(Project, from, to), People.Chen);

        Assert.Equal(L.T(key, shown), answer.Error);
        Assert.Null(answer.Filter);
    }

    [Fact]
    public async Task ARangeMustRunForwardsAndAtMostAYearAndADay()
    {
        var backwards = await Reports.FilterAsync(ReportKind.Sales, new ReportQuery(Project, "2026-11-30", "2026-11-01"), People.Chen);
        var tooLong = await Reports.FilterAsync(ReportKind.Sales, new ReportQuery(Project, "2025-01-01", "2026-01-02"), People.Chen);
        var longest = await Reports.FilterAsync(ReportKind.Sales, new ReportQuery(Project, "2025-01-01", "2026-01-01"), People.Chen);

        Assert.Equal(L.T("reports.filter.order", "2026-11-30", "2026-11-01"), backwards.Error);
        Assert.Equal(L.T("reports.filter.range", ReportFilter.MaxDays), tooLong.Error);
        Assert.Equal((null, 366), (longest.Error, longest.Filter!.Days));
    }

    [Fact]
    public async Task ARangeMadeInCodeIsCheckedByTheReportsToo()
    {
        var filter = new ReportFilter { ProjectId = _project.Id, From = new DateOnly(2020, 1, 1), To = new DateOnly(2026, 1, 1) };

        var answer = await Reports.SalesAsync(filter, People.Chen);

        Assert.Equal(L.T("reports.filter.range", ReportFilter.MaxDays), Assert.IsType<ReportAnswer<SalesReport>.Refused>(answer).Message);
    }

    [Theory]
    [InlineData(ReportKind.Sales, "period", "year", "reports.filter.period")]
    [InlineData(ReportKind.Sales, "building", "999", "reports.filter.building")]
    [InlineData(ReportKind.Sales, "building", "1#", "reports.filter.building")]
    [InlineData(ReportKind.Sales, "agent", "nobody", "reports.filter.agent")]
    [InlineData(ReportKind.Steps, "action", "buy", "reports.filter.action")]
    [InlineData(ReportKind.Steps, "action", "4", "reports.filter.action")]
    [InlineData(ReportKind.Units, "status", "sold", "reports.filter.status")]
    [InlineData(ReportKind.Customers, "stage", "vip", "reports.filter.stage")]
    [InlineData(ReportKind.Awaiting, "stage", "potential", "reports.filter.awaitingStage")]
    [InlineData(ReportKind.Awaiting, "overdue", "maybe", "reports.filter.overdue")]
    [InlineData(ReportKind.Customers, "channel", "电视广告", "reports.filter.channel")]
    [InlineData(ReportKind.Sales, "project", "999", "reports.filter.project")]
    public async Task AnUnknownValueIsNamedInTheRefusal(ReportKind kind, string name, string value, string key)
    {
        var query = name switch
        {
            "period" => new ReportQuery(Project, Period: value),
            "building" => new ReportQuery(Project, Building: value),
            "agent" => new ReportQuery(Project, Agent: value),
            "action" => new ReportQuery(Project, Action: value),
            "status" => new ReportQuery(Project, Status: value),
            "stage" => new ReportQuery(Project, Stage: value),
            "overdue" => new ReportQuery(Project, Overdue: value),
            "channel" => new ReportQuery(Project, Channel: value),
            _ => new ReportQuery(value),
        };

        var answer = await Reports.FilterAsync(kind, query, People.Chen);

        Assert.Equal(L.T(key, value), answer.Error);
        Assert.Null(answer.Filter);
    }

    [Fact]
    public async Task AnAgentWhoHasLeftIsStillKnownByTheirDeals()
    {
        var gone = new Actor("agent-gone", "离职顾问", IsManager: false);
        await _app.Units.ExecuteAsync(_project.UnitId("1#-101"), UnitAction.Hold, new Realty.Live.Web.Features.Board.UnitCommand(1, "孙明", "13700001111"), gone);

        var answer = await Reports.FilterAsync(ReportKind.Sales, new ReportQuery(Project, Agent: gone.Id), People.Chen);

        Assert.Null(answer.Error);
        Assert.Equal("离职顾问", answer.Context!.AgentName(gone.Id));
    }

    [Fact]
    public async Task FiltersAReportDoesNotTakeAreLeftOutOfItsLinkAndNotChecked()
    {
        var answer = await Reports.FilterAsync(ReportKind.Units, new ReportQuery(Project, From: "garbage", Period: "year", Status: "signed"), People.Chen);

        Assert.Null(answer.Error);
        Assert.Equal($"/reports/units?project={Project}&status=signed", answer.Filter!.Url(ReportKind.Units));
    }

    [Fact]
    public async Task AnAgentIsRefusedBeforeAnythingIsRead()
    {
        var answer = await Reports.FilterAsync(ReportKind.Sales, new ReportQuery(Project), People.Wang);

        Assert.Equal((L.T("reports.managerOnly"), (ReportContext?)null, (ReportFilter?)null), (answer.Error, answer.Context, answer.Filter));
    }

    [Fact]
    public async Task ARefusalIsInTheReadersLanguage()
    {
        using var _ = CultureScope.Of("en");

        var answer = await Reports.FilterAsync(ReportKind.Sales, new ReportQuery(Project, "2026-11-30", "2026-11-01"), People.Chen);

        Assert.Equal("The range starts on 2026-11-30, after it ends on 2026-11-01: choose a start on or before the end.", answer.Error);
    }
}
