using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Features.Deals;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Opening;

public sealed class OpeningServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private OpeningService Opening => _app.Service<OpeningService>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NumbersAreIssuedInSequenceEachWithItsSincerityDeposit()
    {
        var first = await IssueAsync("张伟", "13800138000");
        var second = await IssueAsync("赵丽", "13912345678", 30_000m);
        var third = await IssueAsync("孙明", "13700001111");

        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(t => t.Number));
        // The project's default sincerity deposit is 50,000.
        Assert.Equal([50_000m, 30_000m, 50_000m], new[] { first, second, third }.Select(t => t.Amount));
        Assert.Equal(("张伟", "13800138000", "Active", People.Wang.Name, _app.Now, false, 0), (first.BuyerName, first.BuyerPhone, first.Status, first.AgentName, first.IssuedAt, first.Called, first.Deals));
        await using var db = _app.Open();
        var receipts = await db.Receipts.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(ReceiptKind.SincerityDeposit, 50_000m, first.Id, "#1"), (ReceiptKind.SincerityDeposit, 30_000m, second.Id, "#2"), (ReceiptKind.SincerityDeposit, 50_000m, third.Id, "#3")],
            receipts.Select(r => (r.Kind, r.Amount, r.QueueTicketId!.Value, r.Note)));
        Assert.All(receipts, r => Assert.Null(r.DealId));
        Assert.Equal(3, _app.Published.Of<OpeningChanged>().Count);
        Assert.Equal(3, (await Opening.StateAsync(_project.Id))!.Issued);
    }

    [Fact]
    public async Task TwoDesksIssuingAtTheSameMomentGetTwoNumbers()
    {
        // Both desks read the last number before either writes: the worst interleaving, every time.
        var gate = new SaveGate(2);
        var gated = new OpeningService(_app.Database.Factory(gate), _app.Service<BoardBroadcaster>(), _app.Clock);

        var issued = await Task.WhenAll(
            gated.IssueAsync(_project.Id, "张伟", "13800138000", null, People.Wang),
            gated.IssueAsync(_project.Id, "赵丽", "13912345678", null, People.Li));

        Assert.True(gate.Arrived >= 3, "one desk lost the race for number 1 and tried again");
        Assert.Equal([1, 2], issued.Select(r => Assert.IsType<OpeningResult.Done<TicketView>>(r).Value.Number).Order());
        await using var db = _app.Open();
        Assert.Equal(2, await db.Receipts.CountAsync());
    }

    [Theory]
    [InlineData("", "13800138000", 50_000, "customer.name.required")]
    [InlineData("张伟", "1380013", 50_000, "customer.phone.invalid")]
    [InlineData("张伟", "13800138000", 0, "ticket.amount.range")]
    [InlineData("张伟", "13800138000", -50_000, "ticket.amount.range")]
    [InlineData("张伟", "13800138000", 2_000_000_000, "ticket.amount.range")]
    public async Task ABadNumberIsNotIssuedAndNothingIsTaken(string name, string phone, decimal amount, string key)
    {
        var result = await Opening.IssueAsync(_project.Id, name, phone, amount, People.Wang);

        Assert.Equal(L.T(key, phone), Assert.IsType<OpeningResult.Rejected>(result).Message);
        await using var db = _app.Open();
        Assert.Equal((0, 0), (await db.QueueTickets.CountAsync(), await db.Receipts.CountAsync()));
        Assert.Empty(_app.Published.Messages);
    }

    [Fact]
    public async Task ARefundPaysTheDepositBackOnce()
    {
        var ticket = await IssueAsync("张伟", "13800138000", 30_000m);

        var refunded = await Opening.RefundAsync(ticket.Id, ticket.Version, People.Li);
        var stale = await Opening.RefundAsync(ticket.Id, ticket.Version, People.Li);
        var again = await Opening.RefundAsync(ticket.Id, ticket.Version + 1, People.Li);

        Assert.Equal(1, Assert.IsType<OpeningResult.Done<int>>(refunded).Value);
        Assert.Equal(L.T("ticket.stale"), Assert.IsType<OpeningResult.Rejected>(stale).Message);
        Assert.Equal(L.T("ticket.alreadyRefunded", 1), Assert.IsType<OpeningResult.Rejected>(again).Message);
        await using var db = _app.Open();
        Assert.Equal([30_000m, -30_000m], await db.Receipts.OrderBy(r => r.Id).Select(r => r.Amount).ToListAsync());
        Assert.Equal((ReceiptKind.Refund, People.Li.Name), await db.Receipts.OrderBy(r => r.Id).Select(r => new ValueTuple<ReceiptKind, string>(r.Kind, r.ByName)).LastAsync());
        Assert.Equal(("Refunded", 0), ((await Opening.TicketsAsync(_project.Id)).Single().Status, (await Opening.StateAsync(_project.Id))!.Issued));
    }

    [Fact]
    public async Task ARefundedNumberCannotBuyAUnit()
    {
        var ticket = await IssueAsync("张伟", "13800138000");
        await Opening.RefundAsync(ticket.Id, ticket.Version, People.Wang);

        var message = await _app.RefusedAsync(_project.UnitId("1#-501"), UnitAction.Hold, new UnitCommand(0, TicketNumber: ticket.Number));

        Assert.Equal(L.T("ticket.alreadyRefunded", 1), message);
    }

    [Fact]
    public async Task ANumberWithALiveDealIsNotRefunded()
    {
        var ticket = await IssueAsync("张伟", "13800138000");
        await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Hold, new UnitCommand(0, "张伟", "13800138000", TicketNumber: ticket.Number));
        var before = await _app.LedgerAsync();

        var result = await Opening.RefundAsync(ticket.Id, ticket.Version, People.Wang);

        Assert.Equal(L.T("ticket.hasDeals", 1), Assert.IsType<OpeningResult.Rejected>(result).Message);
        Assert.Equal(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task ANumberWhoseHoldWasReleasedIsRefunded()
    {
        var ticket = await IssueAsync("张伟", "13800138000");
        var unit = _project.UnitId("1#-501");
        await _app.StepAsync(unit, UnitAction.Hold, new UnitCommand(0, "张伟", "13800138000", TicketNumber: ticket.Number));
        await _app.StepAsync(unit, UnitAction.Release, new UnitCommand(0));

        Assert.IsType<OpeningResult.Done<int>>(await Opening.RefundAsync(ticket.Id, ticket.Version, People.Wang));
    }

    [Fact]
    public async Task ANumberWhoseDepositWentIntoACancelledDealIsNotRefundedTwice()
    {
        var ticket = await IssueAsync("张伟", "13800138000");
        var unit = _project.UnitId("1#-501");
        await _app.StepAsync(unit, UnitAction.Subscribe, new UnitCommand(0, "张伟", "13800138000", PlanId: _project.OneOffPlanId, TicketNumber: ticket.Number));
        var changes = _app.Service<ChangeService>();
        var request = Assert.IsType<ChangeResult.Done>(await changes.RequestAsync(unit, new ChangeCommand(await _app.VersionAsync(unit), ChangeKind.Cancel, "客户放弃"), People.Wang)).Request;
        Assert.IsType<ChangeResult.Done>(await changes.ApproveAsync(request.Id, request.Version, null, People.Chen));

        var result = await Opening.RefundAsync(ticket.Id, ticket.Version, People.Wang);

        // The cancellation paid the 50,000 back already.
        Assert.Equal(L.T("ticket.hasDeals", 1), Assert.IsType<OpeningResult.Rejected>(result).Message);
        await using var db = _app.Open();
        Assert.Equal(0m, await db.Receipts.SumAsync(r => r.Amount));
    }

    [Fact]
    public async Task TheManagerCallsNumbersInBatchesAndRefundedOnesAreLeftOut()
    {
        var tickets = new List<TicketView>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add(await IssueAsync($"买家{i + 1}", $"1380000000{i}"));
        }
        await Opening.RefundAsync(tickets[1].Id, tickets[1].Version, People.Wang);
        var notOpen = await Opening.CallNextAsync(_project.Id, 2, People.Chen);
        await SetModeAsync(OpeningMode.Live);

        var byAgent = await Opening.CallNextAsync(_project.Id, 2, People.Wang);
        var none = await Opening.CallNextAsync(_project.Id, 0, People.Chen);
        var first = Assert.IsType<OpeningResult.Done<OpeningState>>(await Opening.CallNextAsync(_project.Id, 3, People.Chen)).Value;
        var rest = Assert.IsType<OpeningResult.Done<OpeningState>>(await Opening.CallNextAsync(_project.Id, 10, People.Chen)).Value;
        var after = await Opening.CallNextAsync(_project.Id, 1, People.Chen);

        Assert.Equal(L.T("opening.notOpen"), Assert.IsType<OpeningResult.Rejected>(notOpen).Message);
        Assert.Equal(L.T("opening.managerOnly"), Assert.IsType<OpeningResult.Rejected>(byAgent).Message);
        Assert.Equal(L.T("opening.call.range"), Assert.IsType<OpeningResult.Rejected>(none).Message);
        // Numbers 1–3 called, 2 refunded: the wall shows 1 and 3. Then 4–5.
        Assert.Equal(("Live", 3), (first.Mode, first.CalledUpTo));
        Assert.Equal([1, 3], first.LatestCall);
        Assert.Equal(5, rest.CalledUpTo);
        Assert.Equal([4, 5], rest.LatestCall);
        Assert.Equal(L.T("opening.allCalled", 5), Assert.IsType<OpeningResult.Rejected>(after).Message);
        Assert.Equal([true, true, true, true, true], (await Opening.TicketsAsync(_project.Id)).Select(t => t.Called));
    }

    [Fact]
    public async Task DuringTheOpeningOnlyACalledNumberGetsAUnit()
    {
        var zhang = await IssueAsync("张伟", "13800138000");
        var zhao = await IssueAsync("赵丽", "13912345678");
        await SetModeAsync(OpeningMode.Live);
        await Opening.CallNextAsync(_project.Id, 1, People.Chen);
        var unit = _project.UnitId("1#-501");
        var before = await _app.LedgerAsync();

        var without = await _app.RefusedAsync(unit, UnitAction.Hold, new UnitCommand(0, "张伟", "13800138000"));
        var notCalled = await _app.RefusedAsync(unit, UnitAction.Hold, new UnitCommand(0, TicketNumber: zhao.Number));
        var unknown = await _app.RefusedAsync(unit, UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId, TicketNumber: 99));
        Assert.Equal(before, await _app.LedgerAsync());
        var held = await _app.StepAsync(unit, UnitAction.Hold, new UnitCommand(0, TicketNumber: zhang.Number));
        // Moving the buyer's deal on needs no number again.
        var deposited = await _app.StepAsync(unit, UnitAction.Deposit, new UnitCommand(0));

        Assert.Equal(L.T("opening.ticketRequired"), without);
        Assert.Equal(L.T("opening.notCalled", 2), notCalled);
        Assert.Equal(L.T("ticket.unknown", 99), unknown);
        // The queue number says who the buyer is.
        Assert.Equal(("张伟", "13800138000", 1), (held.Deal!.CustomerName, held.Deal.CustomerPhone, held.Deal.TicketNumber));
        Assert.Equal(("deposited", 50_000m), (deposited.Status, deposited.Deal!.Paid));
    }

    [Fact]
    public async Task DuringTheOpeningACalledNumberCannotBuyForSomebodyElse()
    {
        var zhang = await IssueAsync("张伟", "13800138000");
        await SetModeAsync(OpeningMode.Live);
        await Opening.CallNextAsync(_project.Id, 1, People.Chen);
        var unit = _project.UnitId("1#-501");
        var before = await _app.LedgerAsync();

        var forAnother = await _app.RefusedAsync(unit, UnitAction.Hold, new UnitCommand(0, "赵丽", "13912345678", TicketNumber: zhang.Number));
        // The buyer's own number, however it is typed, is their turn.
        var own = await _app.StepAsync(unit, UnitAction.Hold, new UnitCommand(0, "张伟", "+86 138-0013-8000", TicketNumber: zhang.Number));

        Assert.Equal(L.T("opening.ticketOfAnother", 1), forAnother);
        Assert.Equal(("held", "13800138000"), (own.Status, own.Deal!.CustomerPhone));
        Assert.NotEqual(before, await _app.LedgerAsync());
    }

    [Fact]
    public async Task DuringTheOpeningOneNumberTakesAtMostTheProjectsLimit()
    {
        var zhang = await IssueAsync("张伟", "13800138000");
        await SetModeAsync(OpeningMode.Live);
        await Opening.CallNextAsync(_project.Id, 1, People.Chen);
        await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Hold, new UnitCommand(0, TicketNumber: zhang.Number));
        await _app.StepAsync(_project.UnitId("1#-502"), UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId, TicketNumber: zhang.Number));

        // The project allows 2 units per buyer.
        var third = await _app.RefusedAsync(_project.UnitId("1#-601"), UnitAction.Hold, new UnitCommand(0, TicketNumber: zhang.Number));
        await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Release, new UnitCommand(0));
        var afterRelease = await _app.StepAsync(_project.UnitId("1#-601"), UnitAction.Hold, new UnitCommand(0, TicketNumber: zhang.Number));

        Assert.Equal(L.T("opening.limitReached", 1, 2), third);
        Assert.Equal("held", afterRelease.Status);
        Assert.Equal(2, (await Opening.TicketsAsync(_project.Id)).Single().Deals);
    }

    [Fact]
    public async Task ARehearsalIsPlayedWithItsOwnNumbersAndWipedWithoutTouchingRealDeals()
    {
        var realTicket = await IssueAsync("张伟", "13800138000");
        var real = _project.UnitId("1#-501");
        var realLater = _project.UnitId("1#-502");
        await _app.StepAsync(real, UnitAction.Subscribe, new UnitCommand(0, "张伟", "13800138000", PlanId: _project.OneOffPlanId, TicketNumber: realTicket.Number));
        await _app.StepAsync(realLater, UnitAction.Hold, new UnitCommand(0, "赵丽", "13912345678"));

        await SetModeAsync(OpeningMode.Rehearsal);
        var playA = await IssueAsync("测试甲", "13600000001");
        var playB = await IssueAsync("测试乙", "13600000002");
        await Opening.CallNextAsync(_project.Id, 2, People.Chen);
        var rehearsed = new[] { _project.UnitId("1#-601"), _project.UnitId("1#-602"), _project.UnitId("1#-701") };
        await _app.StepAsync(rehearsed[0], UnitAction.Hold, new UnitCommand(0, TicketNumber: playA.Number));
        await _app.StepAsync(rehearsed[1], UnitAction.Subscribe, new UnitCommand(0, PlanId: _project.OneOffPlanId, TicketNumber: playA.Number));
        await _app.StepAsync(rehearsed[2], UnitAction.Sign, new UnitCommand(0, PlanId: _project.OneOffPlanId, ContractNo: "TEST-1", TicketNumber: playB.Number));
        // A real deal moved on during the rehearsal stays real.
        await _app.StepAsync(realLater, UnitAction.Deposit, new UnitCommand(0));
        var leaving = await Opening.SetModeAsync(_project.Id, OpeningMode.Off, People.Chen);
        var byAgent = await Opening.WipeRehearsalAsync(_project.Id, People.Wang);
        var realBefore = await RealRowsAsync();

        var wiped = await Opening.WipeRehearsalAsync(_project.Id, People.Chen);

        // Rehearsal numbers start again at 1 beside the real ones.
        Assert.Equal([1, 2], new[] { playA.Number, playB.Number });
        Assert.Equal(L.T("opening.wipeRehearsalFirst"), Assert.IsType<OpeningResult.Rejected>(leaving).Message);
        Assert.Equal(L.T("opening.managerOnly"), Assert.IsType<OpeningResult.Rejected>(byAgent).Message);
        Assert.Equal(3, Assert.IsType<OpeningResult.Done<int>>(wiped).Value);
        foreach (var unitId in rehearsed)
        {
            var unit = (await _app.Units.GetAsync(unitId, People.Chen))!;
            Assert.Equal(("available", null, "reset"), (unit.Status, unit.Deal, unit.History[0].Action));
        }
        Assert.Equal(("subscribed", "deposited"), ((await _app.Units.GetAsync(real, People.Chen))!.Status, (await _app.Units.GetAsync(realLater, People.Chen))!.Status));
        Assert.Equal(realBefore, await RealRowsAsync());
        await using var db = _app.Open();
        Assert.False(await db.Deals.AnyAsync(d => d.IsRehearsal));
        Assert.False(await db.QueueTickets.AnyAsync(t => t.IsRehearsal));
        Assert.False(await db.OpeningCalls.AnyAsync(c => c.IsRehearsal));
        Assert.False(await db.UnitEvents.AnyAsync(e => rehearsed.Contains(e.UnitId) && e.Action != UnitAction.Reset));
        Assert.Equal(2, await db.Deals.CountAsync());
        // The real money: the sincerity deposit in the subscription, the deposit of the hold moved on.
        Assert.Equal([50_000m, 20_000m], await db.Receipts.OrderBy(r => r.Id).Select(r => r.Amount).ToListAsync());
        Assert.IsType<OpeningResult.Done<OpeningState>>(await Opening.SetModeAsync(_project.Id, OpeningMode.Off, People.Chen));
        Assert.Equal([UnitStatus.Available, UnitStatus.Available, UnitStatus.Available], _app.Published.Of<UnitChanged>().Where(c => c.Action == UnitAction.Reset).Select(c => c.Status));
    }

    [Fact]
    public async Task OnlyAManagerChangesTheMode()
    {
        var result = await Opening.SetModeAsync(_project.Id, OpeningMode.Live, People.Wang);

        Assert.Equal(L.T("opening.managerOnly"), Assert.IsType<OpeningResult.Rejected>(result).Message);
        Assert.Equal("Off", (await Opening.StateAsync(_project.Id))!.Mode);
    }

    private async Task<TicketView> IssueAsync(string name, string phone, decimal? amount = null)
    {
        var result = await Opening.IssueAsync(_project.Id, name, phone, amount, People.Wang);
        return Assert.IsType<OpeningResult.Done<TicketView>>(result).Value;
    }

    private async Task SetModeAsync(OpeningMode mode) =>
        Assert.IsType<OpeningResult.Done<OpeningState>>(await Opening.SetModeAsync(_project.Id, mode, People.Chen));

    /// <summary>The real deals, numbers and money, as rows to compare.</summary>
    private async Task<string> RealRowsAsync()
    {
        await using var db = _app.Open();
        var deals = await db.Deals.AsNoTracking().Where(d => !d.IsRehearsal).OrderBy(d => d.Id).ToListAsync();
        var tickets = await db.QueueTickets.AsNoTracking().Where(t => !t.IsRehearsal).OrderBy(t => t.Id).ToListAsync();
        var receipts = await db.Receipts.AsNoTracking()
            .Where(r => (r.Ticket == null || !r.Ticket.IsRehearsal) && (r.Deal == null || !r.Deal.IsRehearsal)).OrderBy(r => r.Id).ToListAsync();
        var events = await db.UnitEvents.CountAsync(e => e.Deal != null && !e.Deal.IsRehearsal);
        return string.Join(Environment.NewLine, [
            .. deals.Select(d => $"deal {d.Id} {d.UnitId} {d.Stage} {d.FinalPrice} {d.QueueTicketId} {d.UpdatedAt:O}"),
            .. tickets.Select(t => $"ticket {t.Id} {t.Number} {t.Status}"),
            .. receipts.Select(r => $"receipt {r.Id} {r.DealId} {r.Amount}"),
            $"events {events}"]);
    }
}
