using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Web.Features.Deals;

/// <summary>
/// The sales desk's part of a deal step: what a command agrees (price with its discounts, payment
/// plan, amounts, form numbers, the queue number and the opening day's rules), and the money that
/// follows (what was taken at the desk, what the buyer owes and when). Both run inside the step's
/// unit of work, so the step and its money are kept together or not at all.
/// </summary>
public static class DealDesk
{
    public static bool OpensDeal(Unit unit, UnitAction action) =>
        unit.LiveDeal is null && action is UnitAction.Hold or UnitAction.Deposit or UnitAction.Subscribe or UnitAction.Sign;

    /// <summary>The terms of a step, read from the command, the project's settings and calendar; throws a <see cref="DomainException"/>.</summary>
    public static async Task<DealTerms> TermsAsync(RealtyDbContext db, Project project, Unit unit, UnitAction action, UnitCommand command, DateTime now)
    {
        var today = project.Today(now);
        var plan = command.PlanId is { } planId
            ? await db.PaymentPlans.SingleOrDefaultAsync(p => p.Id == planId && p.ProjectId == project.Id && p.Active) ?? throw new DomainException("plan.unknown")
            : null;
        var ids = (command.SchemeIds ?? []).Distinct().ToList();
        var schemes = ids.Count == 0 ? [] : await db.DiscountSchemes.Where(d => d.ProjectId == project.Id && ids.Contains(d.Id)).ToListAsync();
        if (schemes.Count != ids.Count)
        {
            throw new DomainException("discount.unknown");
        }
        var priced = action is UnitAction.Subscribe || (action is UnitAction.Sign && (unit.LiveDeal?.FinalPrice is null || plan is not null || ids.Count > 0));
        return new DealTerms
        {
            Quote = priced ? PriceQuote.For(unit, unit.Layout!.Code, schemes, today, plan?.Id) : null,
            Plan = plan,
            Deposit = action == UnitAction.Deposit ? command.Deposit ?? project.DefaultDeposit : null,
            Earnest = action == UnitAction.Subscribe ? command.Earnest ?? project.DefaultEarnest : command.Earnest,
            SubscriptionNo = command.SubscriptionNo,
            ContractNo = command.ContractNo,
            ContractDate = command.ContractDate,
            Ticket = await TicketAsync(db, project, unit, action, command.TicketNumber),
            Today = today,
            DepositFor = TimeSpan.FromDays(project.DepositDays),
            SignWithinDays = project.SignWithinDays,
        };
    }

    /// <summary>
    /// The money of a step just taken: the deposit or the earnest paid at the desk (a converted
    /// sincerity deposit counts towards it), and the deal's schedule made afresh from its plan.
    /// </summary>
    public static async Task BookAsync(RealtyDbContext db, Project project, Deal deal, UnitAction action, DealTerms terms, Actor actor, DateTime now)
    {
        if (deal.Id != 0)
        {
            await db.Receipts.Where(r => r.DealId == deal.Id).LoadAsync();
        }
        // Stored and not yet stored alike: a step and the next can be taken before one save.
        var paid = db.Receipts.Local.Where(r => r.Deal == deal).Sum(r => r.Amount);
        // The queue number may have come with this step or with the hold before it.
        if ((terms.Ticket?.Id ?? deal.QueueTicketId) is { } ticketId &&
            await db.Receipts.SingleOrDefaultAsync(r => r.QueueTicketId == ticketId && r.Kind == ReceiptKind.SincerityDeposit && r.DealId == null) is { } sincerity)
        {
            sincerity.CreditTo(deal);
            paid += sincerity.Amount;
        }
        // The deposit, or the earnest, is what the buyer has paid in all by now: a sincerity deposit (and for
        // the earnest, a deposit) counts towards it, and only the rest is taken at the desk.
        var (kind, due) = action == UnitAction.Deposit ? (ReceiptKind.Deposit, deal.DepositAmount) : (ReceiptKind.Earnest, deal.EarnestAmount);
        if (due is { } amount && amount - paid > 0)
        {
            db.Receipts.Add(new Receipt(deal.ProjectId, kind, amount - paid, actor, now, deal));
        }
        await ScheduleAsync(db, deal, terms.Plan, project.Today(now));
    }

    /// <summary>What the buyer owes and when, for the deal's stage and terms now; replaces the schedule it had.</summary>
    public static async Task ScheduleAsync(RealtyDbContext db, Deal deal, PaymentPlan? plan, DateOnly today)
    {
        if (deal.Id != 0)
        {
            await db.Receivables.Where(r => r.DealId == deal.Id).LoadAsync();
        }
        db.Receivables.RemoveRange(db.Receivables.Local.Where(r => r.Deal == deal).ToList());
        if (!deal.IsLive)
        {
            return;
        }
        if (deal.Stage == UnitStatus.Deposited)
        {
            db.Receivables.Add(new Receivable(deal, ReceivableKind.Deposit, 1, today, deal.DepositAmount ?? 0));
            return;
        }
        if (deal.Stage < UnitStatus.Subscribed || deal.FinalPrice is not { } price)
        {
            return;
        }
        plan ??= await db.PaymentPlans.SingleAsync(p => p.Id == deal.PaymentPlanId);
        var contractDate = deal.ContractDate ?? deal.SignBy ?? today;
        foreach (var line in PaymentSchedule.For(price, plan, contractDate, deal.EarnestAmount ?? 0, deal.SubscribedOn ?? contractDate))
        {
            db.Receivables.Add(new Receivable(deal, line.Kind, line.Sequence, line.Due, line.Amount));
        }
    }

    /// <summary>
    /// Keeps the funnel stage of the customer a deal is for (and of the one it was for, when it changed
    /// hands) in line with their open deals, in the step's unit of work. A rehearsal's made-up deals
    /// leave real customers alone.
    /// </summary>
    public static async Task FollowCustomerAsync(RealtyDbContext db, Deal? deal, int? formerCustomerId = null)
    {
        if (deal is null || deal.IsRehearsal)
        {
            return;
        }
        foreach (var customerId in new[] { deal.CustomerId, formerCustomerId }.OfType<int>().Distinct())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
            // Stored and not yet stored alike: the step's own deal may be new, just closed or just moved.
            await db.Deals.Where(d => d.CustomerId == customerId && d.ClosedAt == null && !d.IsRehearsal).LoadAsync();
            customer.FollowDeals(db.Deals.Local.Where(d => d.CustomerId == customerId && d.IsLive && !d.IsRehearsal).Select(d => d.Stage));
        }
    }

    /// <summary>
    /// The buyer's queue number. During an opening a new deal needs one that has been called and has
    /// units left to take; outside it a number is optional (its sincerity deposit counts towards the deal).
    /// </summary>
    private static async Task<QueueTicket?> TicketAsync(RealtyDbContext db, Project project, Unit unit, UnitAction action, int? number)
    {
        var rehearsal = project.Opening == OpeningMode.Rehearsal;
        var ticket = number is { } n
            ? await db.QueueTickets.SingleOrDefaultAsync(t => t.ProjectId == project.Id && t.Number == n && t.IsRehearsal == rehearsal) ?? throw new DomainException("ticket.unknown", n)
            : null;
        if (ticket?.Status == TicketStatus.Refunded)
        {
            throw new DomainException("ticket.alreadyRefunded", ticket.Number);
        }
        if (project.Opening == OpeningMode.Off || !OpensDeal(unit, action))
        {
            return ticket;
        }
        if (ticket is null)
        {
            throw new DomainException("opening.ticketRequired");
        }
        if (!await db.OpeningCalls.AnyAsync(c => c.ProjectId == project.Id && c.IsRehearsal == rehearsal && c.FromNumber <= ticket.Number && c.ToNumber >= ticket.Number))
        {
            throw new DomainException("opening.notCalled", ticket.Number);
        }
        if (await db.Deals.CountAsync(d => d.QueueTicketId == ticket.Id && d.ClosedAt == null) >= project.UnitsPerBuyer)
        {
            throw new DomainException("opening.limitReached", ticket.Number, project.UnitsPerBuyer);
        }
        return ticket;
    }
}
