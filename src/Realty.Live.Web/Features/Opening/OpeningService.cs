using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Opening;

public sealed record TicketView(int Id, int Number, string BuyerName, string BuyerPhone, decimal Amount, string Status, string AgentName, DateTime IssuedAt, bool Called, int Deals, int Version);

/// <summary>The opening as the wall and the desks see it: the mode, the numbers called so far, the last call.</summary>
public sealed record OpeningState(string Mode, int UnitsPerBuyer, int Issued, int CalledUpTo, IReadOnlyList<int> LatestCall, bool RehearsalLeftovers);

/// <summary>A queue number as one person at a desk sees it; <paramref name="Mine"/>: they took its deposit.</summary>
public sealed record DeskTicket(TicketView Ticket, bool Mine);

public abstract record OpeningResult
{
    public sealed record Done<T>(T Value) : OpeningResult;

    public sealed record Rejected(string Message) : OpeningResult;
}

/// <summary>
/// 排号 and 开盘: queue numbers with their sincerity deposits before the opening, then on opening day
/// the manager calls numbers in batches, and only called buyers may be given a unit (DealDesk checks).
/// A rehearsal (公测) plays it all through with made-up buyers and is wiped afterwards.
/// </summary>
public sealed class OpeningService(IDbContextFactory<RealtyDbContext> dbFactory, BoardBroadcaster broadcaster, TimeProvider clock)
{
    /// <summary>Takes the deposit and issues the next number; two desks at once get two numbers.</summary>
    public async Task<OpeningResult> IssueAsync(int projectId, string? name, string? phone, decimal? amount, Actor agent)
    {
        CustomerContact buyer;
        try
        {
            buyer = CustomerContact.Create(name, phone);
        }
        catch (DomainException e)
        {
            return new OpeningResult.Rejected(L.Message(e));
        }
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId) is not { } project)
            {
                return new OpeningResult.Rejected(L.T("project.notFound"));
            }
            var rehearsal = project.Opening == OpeningMode.Rehearsal;
            var next = (await db.QueueTickets.Where(t => t.ProjectId == projectId && t.IsRehearsal == rehearsal).MaxAsync(t => (int?)t.Number) ?? 0) + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            QueueTicket ticket;
            try
            {
                ticket = new QueueTicket(projectId, next, buyer, amount ?? project.DefaultSincerity, agent, now, rehearsal);
            }
            catch (DomainException e)
            {
                return new OpeningResult.Rejected(L.Message(e));
            }
            db.QueueTickets.Add(ticket);
            db.Receipts.Add(new Receipt(projectId, ReceiptKind.SincerityDeposit, ticket.Amount, agent, now, ticket: ticket, note: $"#{next}"));
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another desk took this number a moment ago: the next one is ours.
                continue;
            }
            await broadcaster.PublishAsync(new OpeningChanged(projectId));
            return new OpeningResult.Done<TicketView>((await TicketsAsync(projectId, ticket.Number.ToString())).First(t => t.Id == ticket.Id));
        }
    }

    public async Task<OpeningResult> RefundAsync(int ticketId, int expectedVersion, Actor by)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var ticket = await db.QueueTickets.SingleOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null || ticket.Version != expectedVersion)
        {
            return new OpeningResult.Rejected(L.T(ticket is null ? "ticket.notFound" : "ticket.stale"));
        }
        try
        {
            // Once converted, the deposit is the deal's money: a cancelled deal refunds it with the rest.
            var hasDeals = await db.Deals.AnyAsync(d => d.QueueTicketId == ticket.Id && d.ClosedAt == null) ||
                await db.Receipts.AnyAsync(r => r.QueueTicketId == ticket.Id && r.Kind == ReceiptKind.SincerityDeposit && r.DealId != null);
            db.Receipts.Add(ticket.Refund(by, clock.GetUtcNow().UtcDateTime, hasDeals));
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            return new OpeningResult.Rejected(L.Message(e));
        }
        catch (DbUpdateConcurrencyException)
        {
            return new OpeningResult.Rejected(L.T("ticket.stale"));
        }
        await broadcaster.PublishAsync(new OpeningChanged(ticket.ProjectId));
        return new OpeningResult.Done<int>(ticket.Number);
    }

    /// <summary>The numbers of this opening (or rehearsal), found by number, name or mobile.</summary>
    public async Task<IReadOnlyList<TicketView>> TicketsAsync(int projectId, string? search = null, int take = 500)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rehearsal = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Opening == OpeningMode.Rehearsal).SingleOrDefaultAsync();
        var tickets = db.QueueTickets.AsNoTracking().Where(t => t.ProjectId == projectId && t.IsRehearsal == rehearsal);
        if (search?.Trim() is { Length: > 0 } term)
        {
            tickets = int.TryParse(term, out var number)
                ? tickets.Where(t => t.Number == number || t.BuyerPhone.Contains(term))
                : tickets.Where(t => t.BuyerName.Contains(term));
        }
        var calls = await db.OpeningCalls.AsNoTracking().Where(c => c.ProjectId == projectId && c.IsRehearsal == rehearsal).ToListAsync();
        var rows = await tickets.OrderBy(t => t.Number).Take(take)
            .Select(t => new { Ticket = t, Deals = db.Deals.Count(d => d.QueueTicketId == t.Id && d.ClosedAt == null) })
            .ToListAsync();
        return [.. rows.Select(r => new TicketView(
            r.Ticket.Id, r.Ticket.Number, r.Ticket.BuyerName, r.Ticket.BuyerPhone, r.Ticket.Amount, r.Ticket.Status.ToString(), r.Ticket.AgentName,
            r.Ticket.IssuedAt, calls.Any(c => c.Covers(r.Ticket.Number)), r.Deals, r.Ticket.Version))];
    }

    /// <summary>
    /// The numbers as one person may see them: another agent's buyers are theirs, so only enough of the
    /// mobile number to recognise it shows, except to a manager.
    /// </summary>
    public async Task<IReadOnlyList<DeskTicket>> DeskTicketsAsync(int projectId, Actor viewer, string? search = null)
    {
        var tickets = await TicketsAsync(projectId, search);
        await using var db = await dbFactory.CreateDbContextAsync();
        var mine = (await db.QueueTickets.Where(t => t.ProjectId == projectId && t.AgentId == viewer.Id).Select(t => t.Id).ToListAsync()).ToHashSet();
        return [.. tickets.Select(t => new DeskTicket(
            mine.Contains(t.Id) || viewer.IsManager ? t : t with { BuyerPhone = Board.UnitService.MaskPhone(t.BuyerPhone) },
            mine.Contains(t.Id)))];
    }

    public async Task<OpeningState?> StateAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId);
        if (project is null)
        {
            return null;
        }
        var rehearsal = project.Opening == OpeningMode.Rehearsal;
        var issued = await db.QueueTickets.CountAsync(t => t.ProjectId == projectId && t.IsRehearsal == rehearsal && t.Status == TicketStatus.Active);
        var last = await db.OpeningCalls.AsNoTracking().Where(c => c.ProjectId == projectId && c.IsRehearsal == rehearsal).OrderByDescending(c => c.Id).FirstOrDefaultAsync();
        // Refunded numbers are skipped when called: the screen lists the buyers who may come forward.
        var latest = last is null
            ? []
            : await db.QueueTickets.Where(t => t.ProjectId == projectId && t.IsRehearsal == rehearsal && t.Status == TicketStatus.Active && t.Number >= last.FromNumber && t.Number <= last.ToNumber)
                .OrderBy(t => t.Number).Select(t => t.Number).ToListAsync();
        return new OpeningState(project.Opening.ToString(), project.UnitsPerBuyer, issued, last?.ToNumber ?? 0, latest, await LeftoversAsync(db, projectId));
    }

    /// <summary>叫号: calls the next <paramref name="count"/> numbers after the last call.</summary>
    public async Task<OpeningResult> CallNextAsync(int projectId, int count, Actor manager)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId);
        if (project is null)
        {
            return new OpeningResult.Rejected(L.T("project.notFound"));
        }
        if (!manager.IsManager)
        {
            return new OpeningResult.Rejected(L.T("opening.managerOnly"));
        }
        if (project.Opening == OpeningMode.Off)
        {
            return new OpeningResult.Rejected(L.T("opening.notOpen"));
        }
        var rehearsal = project.Opening == OpeningMode.Rehearsal;
        var from = (await db.OpeningCalls.Where(c => c.ProjectId == projectId && c.IsRehearsal == rehearsal).MaxAsync(c => (int?)c.ToNumber) ?? 0) + 1;
        var last = await db.QueueTickets.Where(t => t.ProjectId == projectId && t.IsRehearsal == rehearsal).MaxAsync(t => (int?)t.Number) ?? 0;
        if (from > last)
        {
            return new OpeningResult.Rejected(L.T("opening.allCalled", last));
        }
        try
        {
            db.OpeningCalls.Add(new OpeningCall(projectId, from, Math.Min(last, from + count - 1), manager, clock.GetUtcNow().UtcDateTime, rehearsal));
        }
        catch (DomainException e)
        {
            return new OpeningResult.Rejected(L.Message(e));
        }
        await db.SaveChangesAsync();
        await broadcaster.PublishAsync(new OpeningChanged(projectId));
        return new OpeningResult.Done<OpeningState>((await StateAsync(projectId))!);
    }

    public async Task<OpeningResult> SetModeAsync(int projectId, OpeningMode mode, Actor manager)
    {
        if (!manager.IsManager)
        {
            return new OpeningResult.Rejected(L.T("opening.managerOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId);
        if (project is null)
        {
            return new OpeningResult.Rejected(L.T("project.notFound"));
        }
        try
        {
            project.SetOpening(mode, await LeftoversAsync(db, projectId));
        }
        catch (DomainException e)
        {
            return new OpeningResult.Rejected(L.Message(e));
        }
        await db.SaveChangesAsync();
        await broadcaster.PublishAsync(new OpeningChanged(projectId));
        return new OpeningResult.Done<OpeningState>((await StateAsync(projectId))!);
    }

    /// <summary>
    /// Wipes a rehearsal: its deals' units go back on sale (one event each, so every board follows),
    /// then its deals, their events and money, its numbers and its calls are deleted. Real deals,
    /// made before or beside it, are not touched.
    /// </summary>
    public async Task<OpeningResult> WipeRehearsalAsync(int projectId, Actor manager)
    {
        if (!manager.IsManager)
        {
            return new OpeningResult.Rejected(L.T("opening.managerOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.Deals.Where(d => d.ProjectId == projectId && d.IsRehearsal && d.ClosedAt == null).Select(d => d.UnitId).ToListAsync();
        var units = await db.Units.Include(u => u.Deals.Where(d => d.ClosedAt == null)).Where(u => live.Contains(u.Id)).ToListAsync();
        var resets = units.Select(u => (Unit: u, Event: u.Reset(now))).ToList();
        db.UnitEvents.AddRange(resets.Select(r => r.Event));
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            await db.SaveChangesAsync();
            var deals = db.Deals.Where(d => d.ProjectId == projectId && d.IsRehearsal).Select(d => d.Id);
            var tickets = db.QueueTickets.Where(t => t.ProjectId == projectId && t.IsRehearsal).Select(t => t.Id);
            await db.UnitEvents.Where(e => e.DealId != null && deals.Contains(e.DealId.Value) && e.Action != UnitAction.Reset).ExecuteDeleteAsync();
            await db.UnitEvents.Where(e => e.DealId != null && deals.Contains(e.DealId.Value)).ExecuteUpdateAsync(e => e.SetProperty(x => x.DealId, (int?)null));
            await db.Receivables.Where(r => deals.Contains(r.DealId)).ExecuteDeleteAsync();
            await db.Receipts.Where(r => (r.DealId != null && deals.Contains(r.DealId.Value)) || (r.QueueTicketId != null && tickets.Contains(r.QueueTicketId.Value))).ExecuteDeleteAsync();
            await db.ChangeRequests.Where(c => deals.Contains(c.DealId)).ExecuteDeleteAsync();
            await db.Reminders.Where(r => r.DealId != null && deals.Contains(r.DealId.Value)).ExecuteDeleteAsync();
            await db.Deals.Where(d => d.ProjectId == projectId && d.IsRehearsal).ExecuteDeleteAsync();
            await db.QueueTickets.Where(t => t.ProjectId == projectId && t.IsRehearsal).ExecuteDeleteAsync();
            await db.OpeningCalls.Where(c => c.ProjectId == projectId && c.IsRehearsal).ExecuteDeleteAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new OpeningResult.Rejected(L.T("change.conflict"));
        }
        foreach (var (unit, change) in resets)
        {
            await broadcaster.PublishAsync(UnitChanged.Of(unit, change));
        }
        await broadcaster.PublishAsync(new OpeningChanged(projectId));
        return new OpeningResult.Done<int>(resets.Count);
    }

    private static Task<bool> LeftoversAsync(RealtyDbContext db, int projectId) =>
        db.Deals.AnyAsync(d => d.ProjectId == projectId && d.IsRehearsal && d.ClosedAt == null);
}
