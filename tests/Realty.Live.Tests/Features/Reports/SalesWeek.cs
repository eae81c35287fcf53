using Realty.Live.Tests.Features.Deals;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Features.Reports;

// Not "Features.Reports": a namespace of that name would hide any "Reports" the shared test code may grow.
namespace Realty.Live.Tests.Features.SalesReports;

/// <summary>
/// A week at the sales office of tower 1# (ten floors; stack 01 layout A 89 m², stack 02 layout B 105 m²)
/// and tower 2# (three floors of layout C, 128 m²), played through the app's own services. The list price
/// is (40,000 + 150 × floor) per m²: 1#-101 3,573,350; 1#-102 4,215,750; 1#-201 3,586,700; 1#-202 4,231,500;
/// 1#-302 4,247,250; 2#-101 5,139,200; 2#-201 5,158,400. Times are Shanghai's (UTC+8), the project's zone.
/// <code>
/// Sun 22 10:00  张伟 (王芳, 户外广告) and 钱明 (李强, 朋友介绍) register
///        10:05  李强 subscribes 1#-302 for 钱明 (sign by 29 Nov)
///        23:59:59 王芳: 张伟 walks in                                   — still Sunday
/// Mon 23 09:05  王芳: 张伟 walks in again
///        23:50  王芳 holds 1#-101 for 张伟; 23:59:30 takes a deposit        — both Monday
///        23:59:50 赵丽 (李强, 路过) registers
/// Tue 24 00:00:10 李强 subscribes 1#-102 for 赵丽 straight away           — Tuesday, though the 23rd in UTC
///        00:00:20 李强: 赵丽 calls
///        09:00  李娜 (李强, 路过) registers; 10:00 李强 takes a deposit on 2#-201 for her (expires Fri 27 10:00)
/// Wed 25 10:00  王芳 subscribes 1#-101 at 98% (3,501,883); 10:30 张伟 walks in; 11:00 周一 (王芳, 户外广告) registers
/// Thu 26 15:00  王芳 signs 1#-101, contract HT-001
/// Fri 27 11:00  李强 signs 1#-201 for 赵丽 straight away, HT-002 (a contract, not a subscription)
/// Sat 28 09:00  李强: 赵丽 walks in; 09:30 孙悦 (王芳, 网络推广) registers; 10:00 王芳 deposits 1#-202 for her (expires Tue 1 Dec)
///        10:10 / 14:00  1#-201's contract cancelled, asked by 李强, approved by 陈静
/// Sun 29 09:00 / 10:00  王芳's signed 1#-101 moved to 2#-101: +39 m², at 98% 5,036,416, +1,534,533
/// Mon 30 09:00 / 10:00  1#-102's subscription cancelled
///        11:00  陈静 starts a rehearsal; 11:30 王芳 signs 1#-301 in it (never counted)
///        12:00  now
/// </code>
/// </summary>
public sealed class SalesWeek : IAsyncLifetime
{
    /// <summary>The test classes that read the week: it is played once for all of them, and nothing they do changes it.</summary>
    public const string Readers = "sales week";

    public const string QianPhone = "13700000001";
    public const string LiNaPhone = "13700000003";
    public const string SunYuePhone = "13700000002";
    public const string ZhouYiPhone = "13700000004";

    public ServiceHarness App { get; } = new();

    public SeededProject Project { get; private set; } = default!;

    public ReportService Reports => new(App.Database.Factory(), App.Clock);

    public int Building(string name) => Project.Buildings[name];

    public ReportFilter Range(int fromDay, int toDay) =>
        new() { ProjectId = Project.Id, From = new DateOnly(2026, 11, fromDay), To = new DateOnly(2026, 11, toDay) };

    public async Task InitializeAsync()
    {
        Project = await App.SeedAsync(ProjectBuilder.ATenFloorTower().WithBuilding("2#", 3, ("01", "C")));
        await App.Database.AddStaffAsync([People.Wang, People.Li, People.Chen, Staff.Zhou]);
        var ninetyEight = await App.AddSchemeAsync(Project.Id, new DiscountTerms("98折", DiscountKind.Percent, 98m));
        var plan = Project.OneOffPlanId;

        At(22, 10, 0);
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, "户外广告", People.Wang);
        var qian = await RegisterAsync("钱明", QianPhone, "朋友介绍", People.Li);
        At(22, 10, 5);
        await StepAsync("1#-302", UnitAction.Subscribe, new UnitCommand(0, CustomerId: qian, PlanId: plan), People.Li);
        At(22, 23, 59, 59);
        await VisitAsync(zhang, InteractionKind.WalkIn, People.Wang);

        At(23, 9, 5);
        await VisitAsync(zhang, InteractionKind.WalkIn, People.Wang);
        At(23, 23, 50);
        await StepAsync("1#-101", UnitAction.Hold, new UnitCommand(0, CustomerId: zhang), People.Wang);
        At(23, 23, 59, 30);
        await StepAsync("1#-101", UnitAction.Deposit, new UnitCommand(0), People.Wang);
        At(23, 23, 59, 50);
        var zhao = await RegisterAsync(Customers.ZhaoName, Customers.ZhaoPhone, "路过", People.Li);

        At(24, 0, 0, 10);
        await StepAsync("1#-102", UnitAction.Subscribe, new UnitCommand(0, CustomerId: zhao, PlanId: plan), People.Li);
        At(24, 0, 0, 20);
        await VisitAsync(zhao, InteractionKind.Call, People.Li);
        At(24, 9, 0);
        var liNa = await RegisterAsync("李娜", LiNaPhone, "路过", People.Li);
        At(24, 10, 0);
        await StepAsync("2#-201", UnitAction.Deposit, new UnitCommand(0, CustomerId: liNa), People.Li);

        At(25, 10, 0);
        await StepAsync("1#-101", UnitAction.Subscribe, new UnitCommand(0, SchemeIds: [ninetyEight], PlanId: plan), People.Wang);
        At(25, 10, 30);
        await VisitAsync(zhang, InteractionKind.WalkIn, People.Wang);
        At(25, 11, 0);
        await RegisterAsync("周一", ZhouYiPhone, "户外广告", People.Wang);

        At(26, 15, 0);
        await StepAsync("1#-101", UnitAction.Sign, new UnitCommand(0, ContractNo: "HT-001"), People.Wang);

        At(27, 11, 0);
        await StepAsync("1#-201", UnitAction.Sign, new UnitCommand(0, CustomerId: zhao, PlanId: plan, ContractNo: "HT-002"), People.Li);

        At(28, 9, 0);
        await VisitAsync(zhao, InteractionKind.WalkIn, People.Li);
        At(28, 9, 30);
        var sunYue = await RegisterAsync("孙悦", SunYuePhone, "网络推广", People.Wang);
        At(28, 10, 0);
        await StepAsync("1#-202", UnitAction.Deposit, new UnitCommand(0, CustomerId: sunYue), People.Wang);
        await ChangeAsync("1#-201", new ChangeCommand(0, ChangeKind.Cancel, "客户资金问题"), People.Li, approveAt: (28, 14, 0), requestAt: (28, 10, 10));

        await ChangeAsync("1#-101", new ChangeCommand(0, ChangeKind.ChangeUnit, "客户想要大户型", TargetUnitId: Project.UnitId("2#-101")), People.Wang,
            approveAt: (29, 10, 0), requestAt: (29, 9, 0));
        await ChangeAsync("1#-102", new ChangeCommand(0, ChangeKind.Cancel, "客户改变主意"), People.Li, approveAt: (30, 10, 0), requestAt: (30, 9, 0));

        At(30, 11, 0);
        var opening = App.Service<OpeningService>();
        Assert.IsType<OpeningResult.Done<OpeningState>>(await opening.SetModeAsync(Project.Id, OpeningMode.Rehearsal, People.Chen));
        var ticket = Assert.IsType<OpeningResult.Done<TicketView>>(await opening.IssueAsync(Project.Id, "测试甲", "13600000001", null, People.Wang)).Value;
        Assert.IsType<OpeningResult.Done<OpeningState>>(await opening.CallNextAsync(Project.Id, 1, People.Chen));
        At(30, 11, 30);
        await StepAsync("1#-301", UnitAction.Sign, new UnitCommand(0, PlanId: plan, ContractNo: "TEST-1", TicketNumber: ticket.Number), People.Wang);

        At(30, 12, 0);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Moves the clock to a moment of November 2026 in Shanghai.</summary>
    private void At(int day, int hour, int minute, int second = 0) =>
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, day, hour, minute, second, TimeSpan.FromHours(8)));

    private async Task<int> RegisterAsync(string name, string phone, string channel, Actor agent)
    {
        var result = await App.Service<CustomerService>().RegisterAsync(new RegisterCustomer(Project.Id, name, phone, channel, FirstContact.WalkIn), agent);
        return Assert.IsType<RegisterResult.Registered>(result).Customer.Id;
    }

    private async Task VisitAsync(int customerId, InteractionKind kind, Actor agent) =>
        Assert.IsType<LedgerAnswer.Found>(await App.Service<LedgerService>().AddInteractionAsync(customerId, new InteractionEntry(kind, null), agent));

    private Task StepAsync(string unit, UnitAction action, UnitCommand command, Actor agent) => App.StepAsync(Project.UnitId(unit), action, command, agent);

    private async Task ChangeAsync(string unit, ChangeCommand command, Actor agent, (int Day, int Hour, int Minute) approveAt, (int Day, int Hour, int Minute) requestAt)
    {
        var changes = App.Service<ChangeService>();
        At(requestAt.Day, requestAt.Hour, requestAt.Minute);
        var asked = await changes.RequestAsync(Project.UnitId(unit), command with { ExpectedVersion = await App.VersionAsync(Project.UnitId(unit)) }, agent);
        var request = Assert.IsType<ChangeResult.Done>(asked).Request;
        At(approveAt.Day, approveAt.Hour, approveAt.Minute);
        Assert.IsType<ChangeResult.Done>(await changes.ApproveAsync(request.Id, request.Version, null, People.Chen));
    }
}

[CollectionDefinition(SalesWeek.Readers)]
public sealed class SalesWeekReaders : ICollectionFixture<SalesWeek>;
