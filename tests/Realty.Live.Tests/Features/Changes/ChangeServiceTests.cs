using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Features.Deals;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;
using static Realty.Live.Web.Domain.ReceivableKind;

namespace Realty.Live.Tests.Features.Changes;

/// <summary>
/// Changes to 王芳's subscription of 1#-501 (layout A, 89 m², listed at 3,626,750), decided by 陈静.
/// 1#-502 next door is layout B, 105 m² at 40,750 per m²: 4,278,750. Today is 22 Nov 2026; the
/// subscription must be signed by 29 Nov.
/// </summary>
public sealed class ChangeServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int _mortgage;
    private int _ninetyEight;
    private int _unit;
    private int _target;

    private ChangeService Changes => _app.Service<ChangeService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        _mortgage = await _app.AddPlanAsync(_project.Id, new PaymentPlanTerms("30%首付按揭", PaymentPlanKind.Mortgage, 30, DownPaymentDays: 7, LoanPercent: 70, LoanDays: 60));
        _ninetyEight = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("98折", DiscountKind.Percent, 98m));
        _unit = _project.UnitId("1#-501");
        _target = _project.UnitId("1#-502");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ARequestMarksTheUnitAndReachesTheManagers()
    {
        var deal = await SubscribeAsync();
        var version = await _app.VersionAsync(_unit);

        var result = await Changes.RequestAsync(_unit, new ChangeCommand(version, ChangeKind.Rename, "客户要求加名", CoBuyers: "李娜"), People.Wang);

        var request = Assert.IsType<ChangeResult.Done>(result).Request;
        Assert.Equal((deal, "1#-501", "Rename", "Pending", "客户要求加名", People.Wang.Name, "李娜", 1),
            (request.DealId, request.UnitCode, request.Kind, request.Status, request.Reason, request.RequestedBy, request.NewCoBuyers, request.Version));
        var unit = (await _app.Units.GetAsync(_unit, People.Wang))!;
        Assert.Equal(("subscribed", "rename", version + 1), (unit.Status, unit.PendingChange, unit.Version));
        await using var db = _app.Open();
        var reminder = await db.Reminders.SingleAsync();
        Assert.Equal((ReminderKind.ChangeRequested, null, "1#-501"), (reminder.Kind, reminder.RecipientId, reminder.UnitCode));
        var change = Assert.IsType<UnitChanged>(_app.Published.Messages[^3]);
        Assert.Equal((UnitAction.RequestChange, true), (change.Action, change.Pending));
        Assert.Equal(new RequestChanged(_project.Id, request.Id, "1#-501", RequestStatus.Pending, People.Wang.Id), _app.Published.Messages[^2]);
        Assert.Equal(new ReminderAdded(_project.Id, null), _app.Published.Messages[^1]);
        Assert.Equal([request.Id], (await Changes.PendingAsync(_project.Id)).Select(r => r.Id));
    }

    [Fact]
    public async Task BoardsAreToldOnlyOnceTheChangeIsStored()
    {
        await SubscribeAsync();
        var seen = new List<string>();
        using var probe = _app.Service<IEventBus>().Subscribe(async message =>
        {
            await using var db = _app.Open();
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == _unit);
            var requests = await db.ChangeRequests.AsNoTracking().Select(r => r.Status).ToListAsync();
            seen.Add($"{message.GetType().Name}: {unit.Status} {unit.PendingChange} [{string.Join(",", requests)}]");
        });

        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Cancel, "客户资金问题"));
        Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen));

        Assert.Equal(
            [
                "UnitChanged: Subscribed Cancel [Pending]",
                "RequestChanged: Subscribed Cancel [Pending]",
                "ReminderAdded: Subscribed Cancel [Pending]",
                "UnitChanged: Available  [Approved]",
                "RequestChanged: Available  [Approved]",
                "ReminderAdded: Available  [Approved]",
            ],
            seen);
    }

    [Fact]
    public async Task ChangingUnitMovesTheDealWithItsMoneyToTheOtherUnitAtOnce()
    {
        var deal = await SubscribeAsync(schemes: [_ninetyEight], plan: _mortgage);
        var receipts = await _app.ReceiptsAsync(deal);
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.ChangeUnit, "换大户型", TargetUnitId: _target));

        var decided = Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, "同意", People.Chen)).Request;

        var from = (await _app.Units.GetAsync(_unit, People.Chen))!;
        var to = (await _app.Units.GetAsync(_target, People.Chen))!;
        Assert.Equal(("available", null, null), (from.Status, from.Deal, from.PendingChange));
        Assert.Equal(("subscribed", deal, Customers.ZhangName), (to.Status, to.Deal!.Id, to.Deal.CustomerName));
        // At the new unit's prices with the same discounts: 4,278,750 × 0.98 = 4,193,175
        Assert.Equal((4_278_750m, 4_193_175m, 50_000m), (to.Deal.Price, to.Deal.FinalPrice, to.Deal.Paid));
        // The money follows the deal: what was paid stays paid; what is owed is made afresh for the new price.
        // loan 70 % = 2,935,222.50 on 28 Jan; down 4,193,175 − 2,935,222.50 − 50,000 earnest = 1,207,952.50 on 6 Dec
        Assert.Equal(receipts.Select(r => (r.Id, r.Amount)), (await _app.ReceiptsAsync(deal)).Select(r => (r.Id, r.Amount)));
        Assert.Equal(
            [(Earnest, new DateOnly(2026, 11, 22), 50_000m), (DownPayment, new DateOnly(2026, 12, 6), 1_207_952.50m), (MortgageLoan, new DateOnly(2027, 1, 28), 2_935_222.50m)],
            await _app.ScheduleAsync(deal));
        // 3,626,750 × 0.98 = 3,554,215 before; 4,193,175 − 3,554,215 = 638,960 more to pay
        Assert.Equal(("Approved", "1#-502", "1#-501 · 张伟 · ¥3,554,215.00", "1#-502 · 张伟 · ¥4,193,175.00", 638_960m, "同意"),
            (decided.Status, decided.TargetUnitCode, decided.Before, decided.After, decided.MoneyEffect, decided.DecisionNote));
        await using var db = _app.Open();
        var events = await db.UnitEvents.OrderByDescending(e => e.Id).Take(2).ToListAsync();
        Assert.Equal([(_target, UnitAction.MoveIn, UnitStatus.Available, UnitStatus.Subscribed), (_unit, UnitAction.MoveOut, UnitStatus.Subscribed, UnitStatus.Available)],
            events.Select(e => (e.UnitId, e.Action, e.From, e.To)));
        Assert.All(events, e => Assert.Equal(deal, e.DealId));
        Assert.Equal([(_unit, UnitStatus.Available), (_target, UnitStatus.Subscribed)], _app.Published.Of<UnitChanged>().TakeLast(2).Select(c => (c.UnitId, c.Status)));
    }

    [Fact]
    public async Task ChangingToAUnitThatIsNotAvailableIsRefusedWhenAsked()
    {
        await SubscribeAsync();
        await _app.StepAsync(_target, UnitAction.Hold, new UnitCommand(0, Customers.ZhaoName, Customers.ZhaoPhone), People.Li);
        var before = await _app.LedgerAsync();

        var result = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.ChangeUnit, "换房", TargetUnitId: _target), People.Wang);
        var none = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.ChangeUnit, "换房"), People.Wang);

        Assert.Equal(L.T("change.target.notAvailable", "1#-502", UnitStatus.Held), Assert.IsType<ChangeResult.Rejected>(result).Message);
        Assert.Equal(L.T("change.target.required"), Assert.IsType<ChangeResult.Rejected>(none).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task ChangingToAUnitWhereTheDealsDiscountIsNotGivenIsRefusedWhenAsked()
    {
        var stackOne = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("01户特惠", DiscountKind.Percent, 99m, Stacks: ["01"]));
        await SubscribeAsync(schemes: [stackOne]);
        var before = await _app.LedgerAsync();

        // 1#-502 is stack 02: the deal's 99 % could not follow it, so no manager is asked for the impossible.
        var result = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.ChangeUnit, "换房", TargetUnitId: _target), People.Wang);

        Assert.Equal(L.T("discount.notForStack", "01户特惠", "1#-502"), Assert.IsType<ChangeResult.Rejected>(result).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task ADepositMovesToTheOtherUnitWithWhatItOwes()
    {
        var deal = (await _app.StepAsync(_unit, UnitAction.Deposit, new UnitCommand(0, Customers.ZhangName, Customers.ZhangPhone))).Deal!.Id;
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.ChangeUnit, "换房", TargetUnitId: _target));

        var decided = Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen)).Request;

        var to = (await _app.Units.GetAsync(_target, People.Chen))!;
        Assert.Equal(("deposited", deal, 4_278_750m, null, 20_000m), (to.Status, to.Deal!.Id, to.Deal.Price, to.Deal.FinalPrice, to.Deal.Paid));
        Assert.Equal([(Deposit, new DateOnly(2026, 11, 22), 20_000m)], await _app.ScheduleAsync(deal));
        // A deposit agrees no price; the list prices differ by 4,278,750 − 3,626,750 = 652,000.
        Assert.Equal(652_000m, decided.MoneyEffect);
        Assert.Equal("available", (await StatusAsync(_unit)).Status);
    }

    [Fact]
    public async Task ChangingToAUnitTakenSinceTheRequestIsRefusedAndNothingMoves()
    {
        await SubscribeAsync();
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.ChangeUnit, "换房", TargetUnitId: _target));
        await _app.StepAsync(_target, UnitAction.Hold, new UnitCommand(0, Customers.ZhaoName, Customers.ZhaoPhone), People.Li);
        var before = await _app.LedgerAsync();
        var published = _app.Published.Messages.Count;

        var result = await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen);

        Assert.Equal(L.T("unit.wrongState", "1#-502", UnitStatus.Held, UnitAction.MoveIn), Assert.IsType<ChangeResult.Rejected>(result).Message);
        Assert.Equal(before, await _app.LedgerAsync());
        Assert.Equal(published, _app.Published.Messages.Count);
        Assert.Equal(("subscribed", "changeunit"), await StatusAsync(_unit));
    }

    [Fact]
    public async Task CancellingRefundsWhatWasPaidAndPutsTheUnitBackOnSale()
    {
        var deal = await SubscribeAsync(deposit: true);
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Cancel, "客户资金问题"));

        var decided = Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen)).Request;

        // Paid 20,000 deposit + 30,000 more earnest = 50,000, all of it back.
        Assert.Equal([20_000m, 30_000m, -50_000m], (await _app.ReceiptsAsync(deal)).Select(r => r.Amount));
        Assert.Equal(ReceiptKind.Refund, (await _app.ReceiptsAsync(deal))[^1].Kind);
        Assert.Empty(await _app.ScheduleAsync(deal));
        Assert.Equal(("available", null), await StatusAsync(_unit));
        Assert.Equal(("Approved", -50_000m, "1#-501 · 张伟 · ¥3,626,750.00"), (decided.Status, decided.MoneyEffect, decided.Before));
        await using var db = _app.Open();
        var closed = await db.Deals.SingleAsync(d => d.Id == deal);
        Assert.Equal((UnitAction.Cancel, _app.Now), (closed.CloseReason, closed.ClosedAt));
    }

    [Fact]
    public async Task CancellingWithTheEarnestForfeitedRefundsOnlyWhatWasPaidBeyondIt()
    {
        var ticket = Assert.IsType<OpeningResult.Done<TicketView>>(
            await _app.Service<OpeningService>().IssueAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, 80_000m, People.Wang)).Value;
        var deal = await SubscribeAsync(ticket: ticket.Number);
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Cancel, "客户违约", ForfeitEarnest: true));

        var decided = Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen)).Request;

        // Paid 80,000 (the sincerity deposit); the 50,000 earnest is kept: 30,000 back.
        Assert.Equal((true, -30_000m), (decided.ForfeitEarnest, decided.MoneyEffect));
        Assert.Equal([80_000m, -30_000m], (await _app.ReceiptsAsync(deal)).Select(r => r.Amount));
    }

    [Fact]
    public async Task CancellingWithTheWholeEarnestForfeitedRefundsNothing()
    {
        var deal = await SubscribeAsync();
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Cancel, "客户违约", ForfeitEarnest: true));

        var decided = Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen)).Request;

        Assert.Equal(0m, decided.MoneyEffect);
        Assert.Equal([50_000m], (await _app.ReceiptsAsync(deal)).Select(r => r.Amount));
        Assert.Equal(("available", null), await StatusAsync(_unit));
    }

    [Fact]
    public async Task ADepositIsReleasedNotCancelled()
    {
        await _app.StepAsync(_unit, UnitAction.Deposit, new UnitCommand(0, Customers.ZhangName, Customers.ZhangPhone));
        var before = await _app.LedgerAsync();

        var result = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.Cancel, "退"), People.Wang);

        Assert.Equal(L.T("change.wrongStage", "1#-501", UnitStatus.Deposited), Assert.IsType<ChangeResult.Rejected>(result).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task RenamingChangesTheBuyerAndAddsCoBuyers()
    {
        var deal = await SubscribeAsync();
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Rename, "更名给配偶", CustomerName: Customers.ZhaoName, CustomerPhone: "139 1234 5678", CoBuyers: "张伟"));

        var decided = Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen)).Request;

        var unit = (await _app.Units.GetAsync(_unit, People.Chen))!;
        Assert.Equal((deal, Customers.ZhaoName, Customers.ZhaoPhone, "张伟", "subscribed", null), (unit.Deal!.Id, unit.Deal.CustomerName, unit.Deal.CustomerPhone, unit.Deal.CoBuyers, unit.Status, unit.PendingChange));
        Assert.Equal(("1#-501 · 张伟 · ¥3,626,750.00", "1#-501 · 赵丽、张伟 · ¥3,626,750.00", 0m), (decided.Before, decided.After, decided.MoneyEffect));
        Assert.Equal([50_000m], (await _app.ReceiptsAsync(deal)).Select(r => r.Amount));
        Assert.Equal("amend", unit.History[0].Action);
    }

    [Fact]
    public async Task AddingOnlyACoBuyerKeepsTheBuyer()
    {
        await SubscribeAsync();
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Rename, "加名", CoBuyers: " 李娜、王磊 "));

        Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen));

        var deal = (await _app.Units.GetAsync(_unit, People.Chen))!.Deal!;
        Assert.Equal((Customers.ZhangName, "李娜、王磊"), (deal.CustomerName, deal.CoBuyers));
    }

    [Theory]
    [InlineData(null, null, null, "change.rename.nothing")]
    [InlineData("赵丽", "12345", null, "customer.phone.invalid")]
    [InlineData(null, null, "<b>李娜</b>", "customer.name.invalid")]
    public async Task ARenameWithNothingOrBadNamesIsRefusedWhenAsked(string? name, string? phone, string? coBuyers, string key)
    {
        await SubscribeAsync();
        var before = await _app.LedgerAsync();

        var result = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.Rename, "更名", CustomerName: name, CustomerPhone: phone, CoBuyers: coBuyers), People.Wang);

        Assert.Equal(L.T(key, phone), Assert.IsType<ChangeResult.Rejected>(result).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task NewTermsRepriceTheDealAndRemakeItsSchedule()
    {
        var deal = await SubscribeAsync();
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Price, "改按揭并享98折", SchemeIds: [_ninetyEight], PlanId: _mortgage));

        // 3,626,750 × 0.98 = 3,554,215, shown to the manager with the current price and the floor
        Assert.Equal((3_626_750m, 3_554_215m), (request.CurrentPrice, request.ProposedPrice));
        var decided = Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen)).Request;

        var unit = (await _app.Units.GetAsync(_unit, People.Chen))!;
        Assert.Equal((3_554_215m, _mortgage, "98折"), (unit.Deal!.FinalPrice, unit.Deal.PlanId, Assert.Single(unit.Deal.PriceLines!).Name));
        // 3,554,215 − 3,626,750
        Assert.Equal(-72_535m, decided.MoneyEffect);
        // loan 70 % = 2,487,950.50; down 1,066,264.50 − 50,000 earnest = 1,016,264.50
        Assert.Equal(
            [(Earnest, new DateOnly(2026, 11, 22), 50_000m), (DownPayment, new DateOnly(2026, 12, 6), 1_016_264.50m), (MortgageLoan, new DateOnly(2027, 1, 28), 2_487_950.50m)],
            await _app.ScheduleAsync(deal));
    }

    [Fact]
    public async Task APriceBelowTheFloorIsAskedForAndOnceApprovedKept()
    {
        var big = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("特批", DiscountKind.AmountOffTotal, 200_000m));
        await SubscribeAsync();
        var floor = (await _app.Units.GetAsync(_unit, People.Wang))!.FloorPrice;

        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Price, "老客户特批", SchemeIds: [big]));
        Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen));

        // 3,626,750 − 200,000 = 3,426,750 < floor
        Assert.Equal((3_426_750m, floor), (request.ProposedPrice, request.FloorPrice));
        var deal = (await _app.Units.GetAsync(_unit, People.Wang))!.Deal!;
        Assert.Equal((3_426_750m, _project.OneOffPlanId), (deal.FinalPrice, deal.PlanId));
        Assert.True(deal.FinalPrice < deal.FloorPrice);
    }

    [Fact]
    public async Task AnApprovedPriceBelowTheFloorLetsTheAgentSubscribeAtIt()
    {
        var big = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("特批", DiscountKind.AmountOffTotal, 200_000m));
        await _app.StepAsync(_unit, UnitAction.Hold, new UnitCommand(0, Customers.ZhangName, Customers.ZhangPhone));
        var refused = await _app.RefusedAsync(_unit, UnitAction.Subscribe, new UnitCommand(0, SchemeIds: [big], PlanId: _mortgage));

        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Price, "特批价", SchemeIds: [big], PlanId: _mortgage));
        Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen));
        var subscribed = await _app.StepAsync(_unit, UnitAction.Subscribe, new UnitCommand(0, SchemeIds: [big], PlanId: _mortgage));

        Assert.Equal(L.T("deal.price.belowFloor", 3_426_750m, subscribed.FloorPrice), refused);
        Assert.Equal((3_426_750m, "subscribed"), (subscribed.Deal!.FinalPrice, subscribed.Status));
    }

    [Fact]
    public async Task NewTermsWithAPlanThatIsNotOfferedAreRefusedWhenAsked()
    {
        await SubscribeAsync();
        var retired = await _app.AddPlanAsync(_project.Id, new PaymentPlanTerms("旧按揭", PaymentPlanKind.Mortgage, 20, LoanPercent: 80), retired: true);
        var before = await _app.LedgerAsync();

        var unknown = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.Price, "换付款方式", PlanId: 987_654), People.Wang);
        var old = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.Price, "换付款方式", PlanId: retired), People.Wang);

        Assert.Equal(L.T("plan.unknown"), Assert.IsType<ChangeResult.Rejected>(unknown).Message);
        Assert.Equal(L.T("plan.unknown"), Assert.IsType<ChangeResult.Rejected>(old).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task NewTermsWithAnExpiredDiscountAreRefusedWhenAsked()
    {
        await SubscribeAsync();
        var expired = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("国庆特惠", DiscountKind.Percent, 95m, ValidTo: new DateOnly(2026, 10, 7)));
        var before = await _app.LedgerAsync();

        var result = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.Price, "补优惠", SchemeIds: [expired]), People.Wang);

        Assert.Equal(L.T("discount.notValidToday", "国庆特惠", "1#-501"), Assert.IsType<ChangeResult.Rejected>(result).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task ARejectionSaysWhyClearsTheMarkerAndTellsTheAgent()
    {
        var deal = await SubscribeAsync();
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Price, "要98折", SchemeIds: [_ninetyEight]));

        var decided = Assert.IsType<ChangeResult.Done>(await Changes.RejectAsync(request.Id, request.Version, "本月不再打折", People.Chen)).Request;

        Assert.Equal(("Rejected", "本月不再打折", People.Chen.Name, null), (decided.Status, decided.DecisionNote, decided.DecidedBy, decided.MoneyEffect));
        var unit = (await _app.Units.GetAsync(_unit, People.Wang))!;
        Assert.Equal((null, 3_626_750m, "dropchange"), (unit.PendingChange, unit.Deal!.FinalPrice, unit.History[0].Action));
        await using var db = _app.Open();
        var told = await db.Reminders.SingleAsync(r => r.Kind == ReminderKind.ChangeDecided);
        Assert.Equal((People.Wang.Id, deal, "Rejected"), (told.RecipientId, told.DealId, told.Detail));
        Assert.Equal(new ReminderAdded(_project.Id, People.Wang.Id), _app.Published.Messages[^1]);
        Assert.Empty(await Changes.PendingAsync(_project.Id));
    }

    [Fact]
    public async Task ARejectionWithoutAReasonOrByAnAgentChangesNothing()
    {
        await SubscribeAsync();
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Rename, "加名", CoBuyers: "李娜"));
        var before = await _app.LedgerAsync();

        var silent = await Changes.RejectAsync(request.Id, request.Version, " ", People.Chen);
        var byAgent = await Changes.RejectAsync(request.Id, request.Version, "不行", People.Li);
        var approvedByAgent = await Changes.ApproveAsync(request.Id, request.Version, null, People.Wang);

        Assert.Equal(L.T("change.note.required"), Assert.IsType<ChangeResult.Rejected>(silent).Message);
        Assert.Equal(L.T("change.managerOnly"), Assert.IsType<ChangeResult.Rejected>(byAgent).Message);
        Assert.Equal(L.T("unit.managerOnly", UnitAction.Amend), Assert.IsType<ChangeResult.Rejected>(approvedByAgent).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task TheAgentWithdrawsTheirRequestAndTheDealGoesOn()
    {
        await SubscribeAsync();
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Cancel, "客户犹豫"));

        var other = await Changes.WithdrawAsync(request.Id, request.Version, People.Li);
        var withdrawn = Assert.IsType<ChangeResult.Done>(await Changes.WithdrawAsync(request.Id, request.Version, People.Wang)).Request;
        var signed = await _app.StepAsync(_unit, UnitAction.Sign, new UnitCommand(0, ContractNo: "HT-2026-0009"));

        Assert.Equal(L.T("change.notYours", People.Wang.Name), Assert.IsType<ChangeResult.Rejected>(other).Message);
        Assert.Equal("Withdrawn", withdrawn.Status);
        Assert.Equal(("signed", null), (signed.Status, signed.PendingChange));
        await using var db = _app.Open();
        // Nobody decided anything: no reminder of a decision.
        Assert.False(await db.Reminders.AnyAsync(r => r.Kind == ReminderKind.ChangeDecided));
    }

    [Fact]
    public async Task AStaleVersionIsRefused()
    {
        await SubscribeAsync();
        var version = await _app.VersionAsync(_unit);
        var staleUnit = await Changes.RequestAsync(_unit, new ChangeCommand(version - 1, ChangeKind.Cancel, "退房"), People.Wang);
        var request = await RequestAsync(new ChangeCommand(0, ChangeKind.Cancel, "退房"));
        Assert.IsType<ChangeResult.Done>(await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen));
        var before = await _app.LedgerAsync();

        var again = await Changes.ApproveAsync(request.Id, request.Version, null, People.Chen);
        var rejectAfter = await Changes.RejectAsync(request.Id, request.Version, "不行", People.Chen);
        var withdrawAfter = await Changes.WithdrawAsync(request.Id, request.Version + 1, People.Wang);

        Assert.Equal(L.T("unit.stale", "1#-501", UnitStatus.Subscribed), Assert.IsType<ChangeResult.Rejected>(staleUnit).Message);
        Assert.Equal(L.T("change.stale"), Assert.IsType<ChangeResult.Rejected>(again).Message);
        Assert.Equal(L.T("change.stale"), Assert.IsType<ChangeResult.Rejected>(rejectAfter).Message);
        Assert.Equal(L.T("change.notPending", RequestStatus.Approved), Assert.IsType<ChangeResult.Rejected>(withdrawAfter).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task AnUnknownRequestIsNotFound()
    {
        Assert.Equal(L.T("change.notFound"), Assert.IsType<ChangeResult.Rejected>(await Changes.ApproveAsync(987_654, 1, null, People.Chen)).Message);
        Assert.Equal(L.T("change.notFound"), Assert.IsType<ChangeResult.Rejected>(await Changes.WithdrawAsync(987_654, 1, People.Wang)).Message);
    }

    [Fact]
    public async Task AUnitWithoutADealHasNothingToChange()
    {
        var result = await Changes.RequestAsync(_unit, new ChangeCommand(1, ChangeKind.Cancel, "退房"), People.Wang);

        Assert.Equal(L.T("change.noDeal"), Assert.IsType<ChangeResult.Rejected>(result).Message);
    }

    [Fact]
    public async Task OnlyOneRequestAtATimeAndNoStepWhileItWaits()
    {
        await SubscribeAsync();
        await RequestAsync(new ChangeCommand(0, ChangeKind.Rename, "加名", CoBuyers: "李娜"));
        var before = await _app.LedgerAsync();

        var second = await Changes.RequestAsync(_unit, new ChangeCommand(await _app.VersionAsync(_unit), ChangeKind.Cancel, "退房"), People.Wang);
        var sign = await _app.RefusedAsync(_unit, UnitAction.Sign, new UnitCommand(0, ContractNo: "HT-1"));

        Assert.Equal(L.T("change.alreadyPending", "1#-501"), Assert.IsType<ChangeResult.Rejected>(second).Message);
        Assert.Equal(L.T("change.pendingBlocks", "1#-501"), sign);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task TheChangeLogListsEveryRequestNewestFirst()
    {
        var deal = await SubscribeAsync();
        var first = await RequestAsync(new ChangeCommand(0, ChangeKind.Rename, "加名", CoBuyers: "李娜"));
        await Changes.RejectAsync(first.Id, first.Version, "材料不全", People.Chen);
        var second = await RequestAsync(new ChangeCommand(0, ChangeKind.Rename, "加名", CoBuyers: "李娜"));
        await Changes.ApproveAsync(second.Id, second.Version, null, People.Chen);

        var log = await Changes.LogAsync(_project.Id);

        Assert.Equal([(second.Id, "Approved"), (first.Id, "Rejected")], log.Select(r => (r.Id, r.Status)));
        Assert.Equal(2, (await Changes.LogAsync(_project.Id, deal)).Count);
        Assert.Empty(await Changes.LogAsync(_project.Id, deal + 1));
    }

    /// <summary>王芳 subscribes 1#-501 for 张伟 with the 50,000 earnest; by default at the list price, paying at once.</summary>
    private async Task<int> SubscribeAsync(int[]? schemes = null, int? plan = null, bool deposit = false, int? ticket = null)
    {
        var buyer = new UnitCommand(0, Customers.ZhangName, Customers.ZhangPhone);
        if (deposit)
        {
            await _app.StepAsync(_unit, UnitAction.Deposit, buyer);
        }
        var unit = await _app.StepAsync(_unit, UnitAction.Subscribe, buyer with { SchemeIds = schemes, PlanId = plan ?? _project.OneOffPlanId, TicketNumber = ticket });
        return unit.Deal!.Id;
    }

    private async Task<ChangeView> RequestAsync(ChangeCommand command)
    {
        var result = await Changes.RequestAsync(_unit, command with { ExpectedVersion = await _app.VersionAsync(_unit) }, People.Wang);
        return Assert.IsType<ChangeResult.Done>(result).Request;
    }

    private async Task<(string Status, string? Pending)> StatusAsync(int unitId)
    {
        var unit = (await _app.Units.GetAsync(unitId, People.Chen))!;
        return (unit.Status, unit.PendingChange);
    }
}
