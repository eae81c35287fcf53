using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Localization;
using static Realty.Live.Web.Domain.ReceivableKind;

namespace Realty.Live.Tests.Features.Deals;

/// <summary>
/// The sales desk through the unit service. 1#-501 is layout A, 89 m² on floor 5: 40,750 per m², listed
/// at 3,626,750; the project takes a 20,000 deposit and 50,000 earnest by default and gives 7 days to sign.
/// Today is 22 Nov 2026 in Shanghai.
/// </summary>
public sealed class DealDeskServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int _mortgage;
    private int _unit;

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        _mortgage = await _app.AddPlanAsync(_project.Id, new PaymentPlanTerms("30%首付按揭", PaymentPlanKind.Mortgage, 30, DownPaymentDays: 7, LoanPercent: 70, LoanDays: 60));
        _unit = _project.UnitId("1#-501");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EachStepTakesItsMoneyAndOwesTheRestAndTheyAddUp()
    {
        var ninetyEight = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("98折", DiscountKind.Percent, 98m));

        var held = await _app.StepAsync(_unit, UnitAction.Hold, Buyer());
        Assert.Empty(await _app.ReceiptsAsync(held.Deal!.Id));
        Assert.Empty(await _app.ScheduleAsync(held.Deal.Id));
        var dealId = held.Deal.Id;

        var deposited = await _app.StepAsync(_unit, UnitAction.Deposit, new UnitCommand(0));
        Assert.Equal([(ReceiptKind.Deposit, 20_000m)], (await _app.ReceiptsAsync(dealId)).Select(r => (r.Kind, r.Amount)));
        Assert.Equal([(Deposit, Today, 20_000m)], await _app.ScheduleAsync(dealId));
        Assert.Equal((20_000m, 20_000m, _app.Now.AddDays(3)), (deposited.Deal!.Paid, deposited.Deal.DepositAmount, deposited.Deal.DepositExpiresAt));

        var subscribed = await _app.StepAsync(_unit, UnitAction.Subscribe, new UnitCommand(0, SchemeIds: [ninetyEight], PlanId: _mortgage));
        // 3,626,750 × 0.98 = 3,554,215; the earnest 50,000 less the deposit already paid = 30,000 taken now
        Assert.Equal([(ReceiptKind.Deposit, 20_000m), (ReceiptKind.Earnest, 30_000m)], (await _app.ReceiptsAsync(dealId)).Select(r => (r.Kind, r.Amount)));
        // Scheduled from the day to sign by, 22 Nov + 7 = 29 Nov:
        // loan 70 % = 2,487,950.50 on 29 Nov + 60 = 28 Jan; down 3,554,215 − 2,487,950.50 = 1,066,264.50, less the earnest = 1,016,264.50 on 6 Dec
        Assert.Equal(
            [(Earnest, Today, 50_000m), (DownPayment, new DateOnly(2026, 12, 6), 1_016_264.50m), (MortgageLoan, new DateOnly(2027, 1, 28), 2_487_950.50m)],
            await _app.ScheduleAsync(dealId));
        Assert.Equal((3_554_215m, 50_000m, 50_000m, new DateOnly(2026, 11, 29)), (subscribed.Deal!.FinalPrice, subscribed.Deal.EarnestAmount, subscribed.Deal.Paid, subscribed.Deal.SignBy));

        _app.Clock.Advance(TimeSpan.FromDays(2));
        var signed = await _app.StepAsync(_unit, UnitAction.Sign, new UnitCommand(0, ContractNo: "HT-2026-0001"));
        // Signed on 24 Nov: the schedule now runs from the contract date. Down payment 24 Nov + 7 = 1 Dec, loan 24 Nov + 60 = 23 Jan.
        Assert.Equal(
            [(Earnest, Today, 50_000m), (DownPayment, new DateOnly(2026, 12, 1), 1_016_264.50m), (MortgageLoan, new DateOnly(2027, 1, 23), 2_487_950.50m)],
            await _app.ScheduleAsync(dealId));
        Assert.Equal((3_554_215m, 50_000m, "HT-2026-0001", new DateOnly(2026, 11, 24)), (signed.Deal!.FinalPrice, signed.Deal.Paid, signed.Deal.ContractNo, signed.Deal.ContractDate));
        Assert.Equal(signed.Deal.FinalPrice, (await _app.ScheduleAsync(dealId)).Sum(l => l.Amount));
    }

    [Fact]
    public async Task SigningStraightAwayOwesThePriceFromTheContractDate()
    {
        var signed = await _app.StepAsync(_unit, UnitAction.Sign, Buyer() with { PlanId = _project.OneOffPlanId, ContractNo = "HT-2026-0002" });

        Assert.Empty(await _app.ReceiptsAsync(signed.Deal!.Id));
        // The seeded one-off plan: everything 15 days after signing, 22 Nov + 15 = 7 Dec.
        Assert.Equal([(DownPayment, new DateOnly(2026, 12, 7), 3_626_750m)], await _app.ScheduleAsync(signed.Deal.Id));
    }

    [Fact]
    public async Task ASincerityDepositCountsTowardsTheEarnest()
    {
        var ticket = await IssueAsync(30_000m);

        var subscribed = await _app.StepAsync(_unit, UnitAction.Subscribe, Buyer() with { PlanId = _project.OneOffPlanId, TicketNumber = ticket.Number });

        // 50,000 earnest: 30,000 came with the queue number, 20,000 is taken now.
        var receipts = await _app.ReceiptsAsync(subscribed.Deal!.Id);
        Assert.Equal([(ReceiptKind.SincerityDeposit, 30_000m, (int?)ticket.Id), (ReceiptKind.Earnest, 20_000m, (int?)null)], receipts.Select(r => (r.Kind, r.Amount, r.QueueTicketId)));
        Assert.Equal((50_000m, 1), (subscribed.Deal.Paid, subscribed.Deal.TicketNumber));
    }

    [Fact]
    public async Task ASincerityDepositLargerThanTheEarnestCoversIt()
    {
        var ticket = await IssueAsync(80_000m);

        var subscribed = await _app.StepAsync(_unit, UnitAction.Subscribe, Buyer() with { PlanId = _project.OneOffPlanId, TicketNumber = ticket.Number });

        Assert.Equal([ReceiptKind.SincerityDeposit], (await _app.ReceiptsAsync(subscribed.Deal!.Id)).Select(r => r.Kind));
        Assert.Equal(80_000m, subscribed.Deal.Paid);
    }

    [Fact]
    public async Task ASincerityDepositCountsTowardsTheDeposit()
    {
        var large = await IssueAsync(50_000m);
        var small = await IssueAsync(5_000m, Customers.ZhaoName, Customers.ZhaoPhone);

        var covered = await _app.StepAsync(_unit, UnitAction.Deposit, Buyer() with { TicketNumber = large.Number });
        var topped = await _app.StepAsync(_project.UnitId("1#-601"), UnitAction.Deposit, Buyer(Customers.ZhaoName, Customers.ZhaoPhone) with { TicketNumber = small.Number });

        // 20,000 deposit: covered by the 50,000; or 5,000 of it paid before and 15,000 now.
        Assert.Equal([ReceiptKind.SincerityDeposit], (await _app.ReceiptsAsync(covered.Deal!.Id)).Select(r => r.Kind));
        Assert.Equal([(ReceiptKind.SincerityDeposit, 5_000m), (ReceiptKind.Deposit, 15_000m)], (await _app.ReceiptsAsync(topped.Deal!.Id)).Select(r => (r.Kind, r.Amount)));
        Assert.Equal((50_000m, 20_000m), (covered.Deal.Paid, topped.Deal.Paid));
    }

    [Fact]
    public async Task AQueueNumberGivenWithTheHoldIsConvertedAtTheDeposit()
    {
        var ticket = await IssueAsync(50_000m);
        await _app.StepAsync(_unit, UnitAction.Hold, Buyer() with { TicketNumber = ticket.Number });

        var deposited = await _app.StepAsync(_unit, UnitAction.Deposit, new UnitCommand(0));

        Assert.Equal((50_000m, 1), (deposited.Deal!.Paid, deposited.Deal.TicketNumber));
        Assert.Equal([ReceiptKind.SincerityDeposit], (await _app.ReceiptsAsync(deposited.Deal.Id)).Select(r => r.Kind));
    }

    [Fact]
    public async Task AGivenDepositAndEarnestReplaceTheProjectsDefaults()
    {
        var deposited = await _app.StepAsync(_unit, UnitAction.Deposit, Buyer() with { Deposit = 10_000m });
        var subscribed = await _app.StepAsync(_unit, UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId, Earnest: 100_000m));

        Assert.Equal(10_000m, deposited.Deal!.DepositAmount);
        Assert.Equal([(ReceiptKind.Deposit, 10_000m), (ReceiptKind.Earnest, 90_000m)], (await _app.ReceiptsAsync(subscribed.Deal!.Id)).Select(r => (r.Kind, r.Amount)));
    }

    public static TheoryData<string, string, UnitAction, UnitCommand> BadSteps() => new()
    {
        // 1#-501 is deposited by 王芳 with the project's 20,000, 1#-601 is available. Plan -1 stands for the mortgage plan.
        { "plan.unknown", "1#-501", UnitAction.Subscribe, new UnitCommand(0, PlanId: 987_654) },
        { "deal.deposit.range", "1#-601", UnitAction.Deposit, Buyer() with { Deposit = -5m } },
        { "deal.deposit.range", "1#-601", UnitAction.Deposit, Buyer() with { Deposit = 0.004m } },
        { "deal.deposit.range", "1#-601", UnitAction.Deposit, Buyer() with { Deposit = 1_000_000_000_000m } },
        { "deal.earnest.range", "1#-501", UnitAction.Subscribe, new UnitCommand(0, PlanId: -1, Earnest: 0m) },
        { "deal.earnest.range", "1#-501", UnitAction.Subscribe, new UnitCommand(0, PlanId: -1, Earnest: -50_000m) },
        { "deal.earnest.range", "1#-501", UnitAction.Subscribe, new UnitCommand(0, PlanId: -1, Earnest: 3_626_750.01m) },
        { "deal.plan.required", "1#-501", UnitAction.Subscribe, new UnitCommand(0) },
        { "discount.unknown", "1#-501", UnitAction.Subscribe, new UnitCommand(0, SchemeIds: [987_654], PlanId: -1) },
        { "deal.subscriptionNo.invalid", "1#-501", UnitAction.Subscribe, new UnitCommand(0, PlanId: -1, SubscriptionNo: "认购#1") },
        { "deal.contractNo.required", "1#-501", UnitAction.Sign, new UnitCommand(0, PlanId: -1) },
        { "deal.contractNo.invalid", "1#-501", UnitAction.Sign, new UnitCommand(0, PlanId: -1, ContractNo: "HT 1") },
        // Tomorrow, and 32 days back (22 Nov − 31 days = 22 Oct is the earliest).
        { "deal.contractDate.range", "1#-501", UnitAction.Sign, new UnitCommand(0, PlanId: -1, ContractNo: "HT-1", ContractDate: new DateOnly(2026, 11, 23)) },
        { "deal.contractDate.range", "1#-501", UnitAction.Sign, new UnitCommand(0, PlanId: -1, ContractNo: "HT-1", ContractDate: new DateOnly(2026, 10, 21)) },
        { "ticket.unknown", "1#-501", UnitAction.Subscribe, new UnitCommand(0, PlanId: -1, TicketNumber: 77) },
        { "unit.wrongState", "1#-501", UnitAction.Hold, Buyer(Customers.ZhaoName, Customers.ZhaoPhone) },
        { "unit.wrongState", "1#-501", UnitAction.Deposit, new UnitCommand(0, Deposit: 30_000m) },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public async Task ABadStepIsRejectedWithAClearMessageAndWritesNothing(string key, string code, UnitAction action, UnitCommand command)
    {
        await _app.StepAsync(_unit, UnitAction.Deposit, Buyer());
        var before = await _app.LedgerAsync();
        var published = _app.Published.Messages.Count;

        var message = await _app.RefusedAsync(_project.UnitId(code), action, command with { PlanId = command.PlanId == -1 ? _mortgage : command.PlanId });

        Assert.Equal(key switch
        {
            "deal.subscriptionNo.invalid" or "deal.contractNo.invalid" => L.T(key, Deal.MaxNumberLength),
            "ticket.unknown" => L.T(key, 77),
            "unit.wrongState" => L.T(key, "1#-501", UnitStatus.Deposited, action),
            _ => L.T(key),
        }, message);
        Assert.Equal(before, await _app.LedgerAsync());
        Assert.Equal(published, _app.Published.Messages.Count);
    }

    [Fact]
    public async Task APlanOfAnotherProjectOrNoLongerOfferedIsUnknown()
    {
        var other = await _app.SeedAsync(ProjectBuilder.AProject().WithBuilding("9#", 1, ("01", "A")));
        var retired = await _app.AddPlanAsync(_project.Id, new PaymentPlanTerms("旧分期", PaymentPlanKind.OneOff, 100), retired: true);
        var before = await _app.LedgerAsync();

        var foreign = await _app.RefusedAsync(_unit, UnitAction.Subscribe, Buyer() with { PlanId = other.OneOffPlanId });
        var gone = await _app.RefusedAsync(_unit, UnitAction.Subscribe, Buyer() with { PlanId = retired });

        Assert.Equal((L.T("plan.unknown"), L.T("plan.unknown")), (foreign, gone));
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task ADiscountOfAnotherProjectIsUnknown()
    {
        var other = await _app.SeedAsync(ProjectBuilder.AProject().WithBuilding("9#", 1, ("01", "A")));
        var foreign = await _app.AddSchemeAsync(other.Id, new DiscountTerms("别家的折扣", DiscountKind.Percent, 90m));

        var message = await _app.RefusedAsync(_unit, UnitAction.Subscribe, Buyer() with { SchemeIds = [foreign], PlanId = _mortgage });

        Assert.Equal(L.T("discount.unknown"), message);
    }

    [Fact]
    public async Task ADiscountThatCannotBeGivenHereTodayIsRefusedByName()
    {
        var expired = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("国庆特惠", DiscountKind.Percent, 95m, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7)));
        var otherStack = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("02户特惠", DiscountKind.Percent, 95m, Stacks: ["02"]));
        var withPlan = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("一次性付款优惠", DiscountKind.Percent, 97m, PaymentPlanId: _project.OneOffPlanId));
        var retired = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("开盘特惠", DiscountKind.AmountOffTotal, 30_000m), retired: true);
        var before = await _app.LedgerAsync();

        var messages = new List<string>();
        foreach (var scheme in new[] { expired, otherStack, withPlan, retired })
        {
            messages.Add(await _app.RefusedAsync(_unit, UnitAction.Subscribe, Buyer() with { SchemeIds = [scheme], PlanId = _mortgage }));
        }

        Assert.Equal(
            [
                L.T("discount.notValidToday", "国庆特惠", "1#-501"),
                L.T("discount.notForStack", "02户特惠", "1#-501"),
                L.T("discount.needsPlan", "一次性付款优惠", "1#-501"),
                L.T("discount.retired", "开盘特惠", "1#-501"),
            ],
            messages);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task DiscountsThatTakeThePriceToZeroAreRefused()
    {
        var everything = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("全免", DiscountKind.AmountOffTotal, 3_626_750m));

        var message = await _app.RefusedAsync(_unit, UnitAction.Subscribe, Buyer() with { SchemeIds = [everything], PlanId = _mortgage }, People.Chen);

        Assert.Equal(L.T("discount.tooMuch", "1#-501"), message);
    }

    [Fact]
    public async Task BelowTheFloorAnAgentIsRefusedAndAManagerIsNot()
    {
        var big = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("特批", DiscountKind.AmountOffTotal, 200_000m));
        var floor = (await _app.Units.GetAsync(_unit, People.Wang))!.FloorPrice;

        // 3,626,750 − 200,000 = 3,426,750, under the floor (97 % of the list, about 3,517,948)
        var agent = await _app.RefusedAsync(_unit, UnitAction.Subscribe, Buyer() with { SchemeIds = [big], PlanId = _mortgage });
        var manager = await _app.StepAsync(_unit, UnitAction.Subscribe, Buyer() with { SchemeIds = [big], PlanId = _mortgage }, People.Chen);

        Assert.Equal(L.T("deal.price.belowFloor", 3_426_750m, floor), agent);
        Assert.Equal(3_426_750m, manager.Deal!.FinalPrice);
    }

    [Fact]
    public async Task AContractNumberAlreadyOnAnotherDealIsRefused()
    {
        await _app.StepAsync(_unit, UnitAction.Sign, Buyer() with { PlanId = _project.OneOffPlanId, ContractNo = "HT-2026-0001" });
        var other = _project.UnitId("1#-601");
        var before = await _app.LedgerAsync();

        var message = await _app.RefusedAsync(other, UnitAction.Sign, Buyer(Customers.ZhaoName, Customers.ZhaoPhone) with { PlanId = _project.OneOffPlanId, ContractNo = "HT-2026-0001" });

        Assert.Equal(L.T("deal.number.taken"), message);
        Assert.Equal(before, await _app.LedgerAsync());
        Assert.Equal("available", (await _app.Units.GetAsync(other, People.Wang))!.Status);
    }

    [Fact]
    public async Task ASubscriptionNumberAlreadyOnAnotherDealIsRefused()
    {
        await _app.StepAsync(_unit, UnitAction.Subscribe, Buyer() with { PlanId = _project.OneOffPlanId, SubscriptionNo = "RG-0001" });
        var before = await _app.LedgerAsync();

        var message = await _app.RefusedAsync(_project.UnitId("1#-601"), UnitAction.Subscribe, Buyer(Customers.ZhaoName, Customers.ZhaoPhone) with { PlanId = _project.OneOffPlanId, SubscriptionNo = "RG-0001" });

        Assert.Equal(L.T("deal.number.taken"), message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task ReleasingADepositEndsWhatTheBuyerOwes()
    {
        var deposited = await _app.StepAsync(_unit, UnitAction.Deposit, Buyer());

        await _app.StepAsync(_unit, UnitAction.Release, new UnitCommand(0));

        Assert.Empty(await _app.ScheduleAsync(deposited.Deal!.Id));
    }

    private static DateOnly Today => new(2026, 11, 22);

    private static UnitCommand Buyer(string name = Customers.ZhangName, string phone = Customers.ZhangPhone) => new(0, name, phone);

    private async Task<TicketView> IssueAsync(decimal amount, string name = Customers.ZhangName, string phone = Customers.ZhangPhone)
    {
        var result = await _app.Service<OpeningService>().IssueAsync(_project.Id, name, phone, amount, People.Wang);
        return Assert.IsType<OpeningResult.Done<TicketView>>(result).Value;
    }
}
