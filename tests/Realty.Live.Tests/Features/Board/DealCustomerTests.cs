using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Features.Deals;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Board;

/// <summary>
/// Deals made for registered customers: 王芳's customer 张伟 (and 赵丽), 李强's own, and 陈静 the manager.
/// The funnel stage follows the customer's open deals. Holds last 30 minutes, deposits three days.
/// </summary>
public sealed class DealCustomerTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int _a;
    private int _b;

    private CustomerService Registry => _app.Service<CustomerService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        (_a, _b) = (_project.UnitId("1#-501"), _project.UnitId("1#-502"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAgentHoldsAUnitForTheirOwnPickedCustomerAndTheDealCarriesTheirNameAndNumber()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);

        var unit = await _app.StepAsync(_a, UnitAction.Hold, new UnitCommand(0, "别的名字", "13900000003", CustomerId: zhang));

        Assert.Equal((Customers.ZhangName, Customers.ZhangPhone), (unit.Deal!.CustomerName, unit.Deal.CustomerPhone));
        Assert.Equal((zhang, FunnelStage.Interested), await LinkAsync(_a));
    }

    [Fact]
    public async Task PickingAnotherAgentsCustomerIsRefusedWithTheOwnerNamedAndNothingWritten()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var before = await _app.LedgerAsync();

        var refused = await _app.RefusedAsync(_a, UnitAction.Hold, new UnitCommand(0, CustomerId: zhang), People.Li);

        Assert.Equal(L.T("board.customer.notYours", People.Wang.Name), refused);
        using (CultureScope.Of("zh-CN"))
        {
            Assert.Equal("该客户属于 王芳，只有其本人或销售经理可以为其成交。", L.T("board.customer.notYours", People.Wang.Name));
        }
        Assert.Equal(before, await _app.LedgerAsync());
        Assert.Equal(FunnelStage.Potential, await StageAsync(zhang));
    }

    [Fact]
    public async Task TypingTheMobileOfAnotherAgentsCustomerIsRefusedTooButTheirOwnIsLinked()
    {
        await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var zhao = await RegisterAsync(Customers.ZhaoName, Customers.ZhaoPhone, People.Li);

        var refused = await _app.RefusedAsync(_a, UnitAction.Hold, new UnitCommand(0, "张先生", "138 0013 8000"), People.Li);
        var held = await _app.StepAsync(_a, UnitAction.Hold, new UnitCommand(0, "赵女士", Customers.ZhaoPhone), People.Li);

        Assert.Equal(L.T("board.customer.notYours", People.Wang.Name), refused);
        // The deal is for the registered customer, under the name she was registered with.
        Assert.Equal(Customers.ZhaoName, held.Deal!.CustomerName);
        Assert.Equal((zhao, FunnelStage.Interested), await LinkAsync(_a));
    }

    [Fact]
    public async Task ABuyerWhoIsNoRegisteredCustomerStaysOnlyTyped()
    {
        var held = await _app.StepAsync(_a, UnitAction.Hold, new UnitCommand(0, Customers.ZhangName, Customers.ZhangPhone));

        Assert.Equal(Customers.ZhangName, held.Deal!.CustomerName);
        Assert.Null((await LinkAsync(_a)).CustomerId);
    }

    [Fact]
    public async Task AManagerMayMakeADealForAnyCustomerOfTheProject()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);

        await _app.StepAsync(_a, UnitAction.Hold, new UnitCommand(0, CustomerId: zhang), People.Chen);

        Assert.Equal((zhang, FunnelStage.Interested), await LinkAsync(_a));
    }

    [Fact]
    public async Task AnUnknownCustomerIsRefused()
    {
        var refused = await _app.RefusedAsync(_a, UnitAction.Hold, new UnitCommand(0, CustomerId: 987654));

        Assert.Equal(L.T("board.customer.notFound"), refused);
    }

    [Fact]
    public async Task EachStepMovesTheCustomerAlongTheFunnel()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var stages = new List<FunnelStage> { await StageAsync(zhang) };

        await _app.StepAsync(_a, UnitAction.Hold, new UnitCommand(0, CustomerId: zhang));
        stages.Add(await StageAsync(zhang));
        await _app.StepAsync(_a, UnitAction.Deposit, new UnitCommand(0));
        stages.Add(await StageAsync(zhang));
        await _app.StepAsync(_a, UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId));
        stages.Add(await StageAsync(zhang));
        await _app.StepAsync(_a, UnitAction.Sign, new UnitCommand(0, ContractNo: "HT-0001"));
        stages.Add(await StageAsync(zhang));

        Assert.Equal([FunnelStage.Potential, FunnelStage.Interested, FunnelStage.Deposited, FunnelStage.Subscribed, FunnelStage.Signed], stages);
    }

    [Fact]
    public async Task ASecondDealBehindTheFirstDoesNotPullTheCustomerBack()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await _app.StepAsync(_a, UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId, CustomerId: zhang));

        await _app.StepAsync(_b, UnitAction.Hold, new UnitCommand(0, CustomerId: zhang));
        var withBoth = await StageAsync(zhang);
        await _app.StepAsync(_b, UnitAction.Release, new UnitCommand(0));

        Assert.Equal((FunnelStage.Subscribed, FunnelStage.Subscribed), (withBoth, await StageAsync(zhang)));
    }

    [Fact]
    public async Task ReleasingTheOnlyDealLeavesTheCustomerInterestedNotPotential()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await _app.StepAsync(_a, UnitAction.Deposit, new UnitCommand(0, CustomerId: zhang));
        var deposited = await StageAsync(zhang);

        await _app.StepAsync(_a, UnitAction.Release, new UnitCommand(0));

        Assert.Equal((FunnelStage.Deposited, FunnelStage.Interested), (deposited, await StageAsync(zhang)));
    }

    [Fact]
    public async Task ExpiriesByTheDeadlinesJobFallBackToTheFurthestDealLeft()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await _app.StepAsync(_a, UnitAction.Deposit, new UnitCommand(0, CustomerId: zhang));
        await _app.StepAsync(_b, UnitAction.Hold, new UnitCommand(0, CustomerId: zhang));
        var job = _app.Service<Web.Features.Deals.DeadlinesJob>();

        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        await job.RunAsync();
        var holdGone = await StageAsync(zhang);
        _app.Clock.Advance(TimeSpan.FromDays(3));
        await job.RunAsync();

        Assert.Equal((FunnelStage.Deposited, FunnelStage.Interested), (holdGone, await StageAsync(zhang)));
        await using var db = _app.Open();
        Assert.Equal(2, await db.Deals.CountAsync(d => d.CustomerId == zhang && d.CloseReason == UnitAction.Expire));
    }

    [Fact]
    public async Task AnApprovedCancellationFallsBackAndAChangeOfUnitKeepsTheStage()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await _app.StepAsync(_a, UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId, CustomerId: zhang));

        await ApproveAsync(_a, new ChangeCommand(0, ChangeKind.ChangeUnit, "换到隔壁", TargetUnitId: _b));
        var moved = await StageAsync(zhang);
        await ApproveAsync(_b, new ChangeCommand(0, ChangeKind.Cancel, "客户资金问题"));

        Assert.Equal((FunnelStage.Subscribed, FunnelStage.Interested), (moved, await StageAsync(zhang)));
    }

    [Fact]
    public async Task RenamingToAnotherRegisteredCustomerMovesTheDealAndBothStages()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var zhao = await RegisterAsync(Customers.ZhaoName, Customers.ZhaoPhone, People.Wang);
        await _app.StepAsync(_a, UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId, CustomerId: zhang));

        await ApproveAsync(_a, new ChangeCommand(0, ChangeKind.Rename, "更名给配偶", CustomerName: Customers.ZhaoName, CustomerPhone: Customers.ZhaoPhone));

        Assert.Equal((zhao, FunnelStage.Subscribed), await LinkAsync(_a));
        Assert.Equal((FunnelStage.Interested, FunnelStage.Subscribed), (await StageAsync(zhang), await StageAsync(zhao)));
    }

    [Fact]
    public async Task ARehearsalDealLeavesTheRealCustomersStageAlone()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var opening = _app.Service<OpeningService>();
        Assert.IsType<OpeningResult.Done<OpeningState>>(await opening.SetModeAsync(_project.Id, OpeningMode.Rehearsal, People.Chen));
        var ticket = Assert.IsType<OpeningResult.Done<TicketView>>(await opening.IssueAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, null, People.Wang)).Value;
        await opening.CallNextAsync(_project.Id, 1, People.Chen);

        await _app.StepAsync(_a, UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId, TicketNumber: ticket.Number, CustomerId: zhang));

        Assert.Equal((zhang, FunnelStage.Potential), await LinkAsync(_a));
        var ledger = Assert.IsType<LedgerAnswer.Found>(await _app.Service<LedgerService>().LedgerAsync(zhang, People.Wang)).Ledger;
        Assert.Empty(ledger.DealSteps);
    }

    [Fact]
    public async Task TheLedgerListsTheStepsOfTheCustomersDealsNewestFirst()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var zhao = await RegisterAsync(Customers.ZhaoName, Customers.ZhaoPhone, People.Wang);
        await _app.StepAsync(_a, UnitAction.Hold, new UnitCommand(0, CustomerId: zhang));
        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await _app.StepAsync(_a, UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId));
        await _app.StepAsync(_b, UnitAction.Hold, new UnitCommand(0, CustomerId: zhao));
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await ApproveAsync(_a, new ChangeCommand(0, ChangeKind.Cancel, "客户资金问题"));

        var ledger = Assert.IsType<LedgerAnswer.Found>(await _app.Service<LedgerService>().LedgerAsync(zhang, People.Wang)).Ledger;

        // 1#-501 lists at 3,626,750 and is subscribed at that price; the earnest is the project's 50,000.
        Assert.Equal(
            [
                ("1#-501", UnitAction.Cancel, UnitStatus.Available, 3_626_750m, (decimal?)null, Moments.Start.AddMinutes(15), People.Chen.Name, "客户资金问题"),
                ("1#-501", UnitAction.Subscribe, UnitStatus.Subscribed, 3_626_750m, 50_000m, Moments.Start.AddMinutes(10), People.Wang.Name, null),
                ("1#-501", UnitAction.Hold, UnitStatus.Held, 3_626_750m, null, Moments.Start, People.Wang.Name, null),
            ],
            ledger.DealSteps.Select(s => (s.UnitCode, s.Step, s.To, s.Price, s.Amount, s.At, s.ByName, s.Reason)));
        Assert.All(ledger.DealSteps, s => Assert.Equal((People.Wang.Name, false), (s.AgentName, s.DealOpen)));
    }

    [Fact]
    public async Task AManagerRecordsTheHandoverOfASignedBuyerWhoThenStaysAnOwner()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var ledger = _app.Service<LedgerService>();
        Assert.Equal(L.T("ledger.owner.notSigned", Customers.ZhangName), (await ledger.MarkOwnerAsync(zhang, People.Chen)).Message);
        await _app.StepAsync(_a, UnitAction.Sign, new UnitCommand(0, PlanId: _project.OneOffPlanId, ContractNo: "HT-0009", CustomerId: zhang));

        Assert.Equal(L.T("ledger.owner.managersOnly"), (await ledger.MarkOwnerAsync(zhang, People.Wang)).Message);
        Assert.Equal(FunnelStage.Signed, await StageAsync(zhang));
        Assert.IsType<LedgerAnswer.Found>(await ledger.MarkOwnerAsync(zhang, People.Chen));
        await _app.StepAsync(_b, UnitAction.Hold, new UnitCommand(0, CustomerId: zhang));

        Assert.Equal(FunnelStage.Owner, await StageAsync(zhang));
    }

    [Fact]
    public async Task ACustomerInThePublicPoolIsRefusedWithAHintToClaimThemFirst()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await using (var db = _app.Open())
        {
            (await db.Customers.SingleAsync(c => c.Id == zhang)).Pool(_app.Now);
            await db.SaveChangesAsync();
        }

        var refused = await _app.RefusedAsync(_a, UnitAction.Hold, new UnitCommand(0, CustomerId: zhang), People.Li);

        Assert.Equal(L.T("board.customer.inPool", Customers.ZhangName), refused);
        Assert.Equal((UnitStatus.Available, 1), await StatusAsync(_a));
    }

    [Fact]
    public async Task TwoStepsForOneBuyerCommittingAtOnceLeaveOneDoneAndOneAskedToTryAgain()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var gate = new SaveGate(2);
        var racing = _app.UnitsOver(_app.Database.Factory(gate));

        var results = await Task.WhenAll(new[] { _a, _b }.Select(unitId => Task.Run(() =>
            racing.ExecuteAsync(unitId, UnitAction.Hold, new UnitCommand(1, CustomerId: zhang), People.Wang))));

        Assert.Single(results.OfType<CommandResult.Done>());
        var refused = Assert.IsType<CommandResult.Rejected>(Assert.Single(results, r => r is not CommandResult.Done));
        Assert.Equal(L.T("board.customer.changedMeanwhile"), refused.Message);
        Assert.Equal(FunnelStage.Interested, await StageAsync(zhang));
        await using var db = _app.Open();
        Assert.Equal(1, await db.Deals.CountAsync(d => d.CustomerId == zhang));
    }

    private async Task<int> RegisterAsync(string name, string mobile, Actor agent) =>
        Assert.IsType<RegisterResult.Registered>(await Registry.RegisterAsync(new RegisterCustomer(_project.Id, name, mobile, ProjectChannel.Defaults[0], FirstContact.WalkIn), agent)).Customer.Id;

    private async Task<(UnitStatus, int)> StatusAsync(int unitId)
    {
        await using var db = _app.Open();
        return await db.Units.Where(u => u.Id == unitId).Select(u => new ValueTuple<UnitStatus, int>(u.Status, u.Version)).SingleAsync();
    }

    private async Task<FunnelStage> StageAsync(int customerId)
    {
        await using var db = _app.Open();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.Stage).SingleAsync();
    }

    /// <summary>The customer the unit's live deal is for, and their stage.</summary>
    private async Task<(int? CustomerId, FunnelStage? Stage)> LinkAsync(int unitId)
    {
        await using var db = _app.Open();
        var customerId = await db.Deals.Where(d => d.UnitId == unitId && d.ClosedAt == null).Select(d => d.CustomerId).SingleAsync();
        return (customerId, await db.Customers.Where(c => c.Id == customerId).Select(c => (FunnelStage?)c.Stage).SingleOrDefaultAsync());
    }

    private async Task ApproveAsync(int unitId, ChangeCommand command)
    {
        var changes = _app.Service<ChangeService>();
        var request = Assert.IsType<ChangeResult.Done>(await changes.RequestAsync(unitId, command with { ExpectedVersion = await _app.VersionAsync(unitId) }, People.Wang)).Request;
        Assert.IsType<ChangeResult.Done>(await changes.ApproveAsync(request.Id, request.Version, null, People.Chen));
    }
}
