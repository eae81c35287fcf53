using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Deals;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Board;

/// <summary>
/// Every change to a unit's status goes through here: one short-lived context, the version the agent
/// saw checked twice (here, and by the database as the concurrency token), one event row and the deal's
/// money in the same transaction, and a broadcast only after the commit.
/// </summary>
public sealed class UnitService(IDbContextFactory<RealtyDbContext> dbFactory, BoardBroadcaster broadcaster, TimeProvider clock)
{
    public const int HistoryLength = 10;
    public const int SimilarCount = 3;

    public async Task<UnitDetails?> GetAsync(int unitId, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await LoadAsync(db.Units.AsNoTracking(), unitId);
        return unit is null ? null : await DetailsAsync(db, unit, viewer);
    }

    public async Task<CommandResult> ExecuteAsync(int unitId, UnitAction action, UnitCommand command, Actor actor)
    {
        CustomerContact? customer;
        try
        {
            customer = command.CustomerName is null && command.CustomerPhone is null
                ? null
                : CustomerContact.Create(command.CustomerName, command.CustomerPhone);
        }
        catch (DomainException e)
        {
            return new CommandResult.Rejected(L.Message(e));
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await LoadAsync(db, unitId);
        if (unit is null)
        {
            return new CommandResult.NotFound(L.T("unit.notFound"));
        }
        if (unit.Version != command.ExpectedVersion)
        {
            return await ConflictAsync(db, unit, actor);
        }

        UnitEvent change;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == unit.ProjectId);
            // During a rehearsal every new deal is a made-up one, wiped with the rehearsal.
            var rehearsal = project.Opening == OpeningMode.Rehearsal && DealDesk.OpensDeal(unit, action);
            var terms = action is UnitAction.Hold or UnitAction.Deposit or UnitAction.Subscribe or UnitAction.Sign
                ? await DealDesk.TermsAsync(db, project, unit, action, command, now)
                : null;
            if (IsDealStep(action))
            {
                customer = await BuyerAsync(db, unit.ProjectId, command.CustomerId, customer, actor);
            }
            // On opening day the queue number says who the buyer is: a called number is that buyer's turn, nobody else's.
            if (terms?.Ticket is { } ticket && DealDesk.OpensDeal(unit, action))
            {
                if (customer is not null && project.Opening != OpeningMode.Off && customer.Phone != ticket.BuyerPhone)
                {
                    throw new DomainException("opening.ticketOfAnother", ticket.Number);
                }
                // The number names the buyer, not the agent serving them: linked only when the customer is theirs.
                customer ??= await RegisteredAsync(db, unit.ProjectId, CustomerContact.Create(ticket.BuyerName, ticket.BuyerPhone), actor, refuse: false);
            }
            var formerCustomer = unit.LiveDeal?.CustomerId;
            change = action switch
            {
                UnitAction.Publish => unit.Publish(actor, now),
                UnitAction.Withdraw => unit.Withdraw(actor, now),
                UnitAction.Withhold => unit.Withhold(actor, command.Reason, now),
                UnitAction.Unwithhold => unit.Unwithhold(actor, now),
                UnitAction.Hold => unit.Hold(actor, customer ?? throw new DomainException("customer.required"), now, TimeSpan.FromMinutes(project.HoldMinutes), terms, rehearsal),
                UnitAction.Release => unit.Release(actor, now),
                UnitAction.Deposit => unit.Deposit(actor, customer, terms!, now, rehearsal),
                UnitAction.Subscribe => unit.Subscribe(actor, customer, terms!, now, rehearsal),
                UnitAction.Sign => unit.Sign(actor, customer, terms!, now, rehearsal),
                _ => throw new DomainException("action.unknown", action.ToWire()),
            };
            if (terms is not null && action != UnitAction.Hold)
            {
                await DealDesk.BookAsync(db, project, change.Deal!, action, terms, actor, now);
            }
            if (action == UnitAction.Release && change.Deal is { } released)
            {
                await DealDesk.ScheduleAsync(db, released, null, project.Today(now));
            }
            if (IsDealStep(action) || action == UnitAction.Release)
            {
                await DealDesk.FollowCustomerAsync(db, change.Deal, formerCustomer);
            }
        }
        catch (DomainException e)
        {
            return new CommandResult.Rejected(L.Message(e));
        }

        db.UnitEvents.Add(change);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException e) when (e.Entries.Any(entry => entry.Entity is Customer))
        {
            // The buyer's record moved on under us (another step of theirs, a transfer, a merge): nothing was written.
            return new CommandResult.Rejected(L.T("board.customer.changedMeanwhile"));
        }
        catch (DbUpdateException e)
        {
            // A concurrent writer committed first: the version no longer matched (or, as a last
            // line, the one-live-deal index refused a second deal). Nothing of ours was written.
            await using var fresh = await dbFactory.CreateDbContextAsync();
            if (await LoadAsync(fresh, unitId) is not { } current || current.Version == command.ExpectedVersion)
            {
                // Not a race: a form number already used on another deal is the one such case.
                if (UniqueNumberTaken(e) is { } taken)
                {
                    return new CommandResult.Rejected(taken);
                }
                throw;
            }
            return await ConflictAsync(fresh, current, actor);
        }

        await broadcaster.PublishAsync(UnitChanged.Of(unit, change));
        return new CommandResult.Done(await DetailsAsync(db, unit, actor));
    }

    /// <summary>Returns holds and deposits whose time is up to Available; safe to run on several nodes and repeatedly.</summary>
    public async Task<IReadOnlyList<UnitChanged>> ExpireDueAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Units
            .Where(u => (u.Status == UnitStatus.Held && u.HoldExpiresAt <= now) ||
                        (u.Status == UnitStatus.Deposited && db.Deals.Any(d => d.UnitId == u.Id && d.ClosedAt == null && d.DepositExpiresAt <= now)))
            .Select(u => new { u.Id, u.Version })
            .ToListAsync();
        var expired = new List<UnitChanged>();
        foreach (var unit in due)
        {
            if (await ExpireAsync(unit.Id, unit.Version, now) is { } change)
            {
                expired.Add(change);
            }
        }
        return expired;
    }

    private async Task<UnitChanged?> ExpireAsync(int unitId, int version, DateTime now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await LoadAsync(db, unitId);
        if (unit is null || unit.Version != version)
        {
            return null;
        }
        var change = unit.Expire(now);
        db.UnitEvents.Add(change);
        if (change.Deal is { } deal)
        {
            // What a buyer no longer owes: the unit went back on sale.
            await DealDesk.ScheduleAsync(db, deal, null, DateOnly.FromDateTime(now));
            await DealDesk.FollowCustomerAsync(db, deal);
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The agent acted on the unit in the meantime; their action wins.
            return null;
        }
        var message = UnitChanged.Of(unit, change);
        await broadcaster.PublishAsync(message);
        return message;
    }

    public async Task<IReadOnlyList<SimilarUnit>> SimilarAsync(int unitId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId);
        return unit is null ? [] : await SimilarAsync(db, unit);
    }

    private static bool IsDealStep(UnitAction action) => action is UnitAction.Hold or UnitAction.Deposit or UnitAction.Subscribe or UnitAction.Sign;

    /// <summary>
    /// Who a deal step is for: the picked customer, or the typed buyer (linked when their mobile is a
    /// registered customer's). A customer is their owner's livelihood (防撞单): an agent may make a deal
    /// only for their own; a manager for any customer of the project.
    /// </summary>
    private static async Task<CustomerContact?> BuyerAsync(RealtyDbContext db, int projectId, int? customerId, CustomerContact? typed, Actor actor)
    {
        if (customerId is not { } id)
        {
            return typed is null ? null : await RegisteredAsync(db, projectId, typed, actor, refuse: true);
        }
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.ProjectId == projectId)
            ?? throw new DomainException("board.customer.notFound");
        return MayDealWith(customer, actor) ? CustomerContact.Of(customer) : throw NotYours(customer);
    }

    private static async Task<CustomerContact> RegisteredAsync(RealtyDbContext db, int projectId, CustomerContact typed, Actor actor, bool refuse)
    {
        var customer = await CustomerService.ByMobileAsync(db, projectId, typed.Phone);
        if (customer is null)
        {
            return typed;
        }
        if (MayDealWith(customer, actor))
        {
            return CustomerContact.Of(customer);
        }
        return refuse ? throw NotYours(customer) : typed;
    }

    private static bool MayDealWith(Customer customer, Actor actor) => actor.IsManager || customer.IsOwnedBy(actor);

    /// <summary>A pooled customer has no owner to name: the agent is sent to claim them first.</summary>
    private static DomainException NotYours(Customer customer) => customer.InPool
        ? new DomainException("board.customer.inPool", customer.Name)
        : new DomainException("board.customer.notYours", customer.OwnerName);

    internal static Task<Unit?> LoadAsync(RealtyDbContext db, int unitId) => LoadAsync(db.Units, unitId);

    private static Task<Unit?> LoadAsync(IQueryable<Unit> units, int unitId) =>
        units
            .Include(u => u.Building)
            .Include(u => u.Layout)
            .Include(u => u.Deals.Where(d => d.ClosedAt == null))
            .SingleOrDefaultAsync(u => u.Id == unitId);

    private static string? UniqueNumberTaken(DbUpdateException e) =>
        e.InnerException?.Message is { } message && (message.Contains("SubscriptionNo") || message.Contains("ContractNo"))
            ? L.T("deal.number.taken")
            : null;

    private static async Task<CommandResult> ConflictAsync(RealtyDbContext db, Unit current, Actor actor)
    {
        var message = L.T("unit.conflict", current.Code, current.StatusChangedBy ?? "—", current.StatusChangedAt, current.Status);
        var similar = current.Status == UnitStatus.Available ? [] : await SimilarAsync(db, current);
        return new CommandResult.Conflict(await DetailsAsync(db, current, actor), message, similar);
    }

    /// <summary>Available units of the same layout, same building first, then nearest floor.</summary>
    private static async Task<IReadOnlyList<SimilarUnit>> SimilarAsync(RealtyDbContext db, Unit unit) =>
        await db.Units.AsNoTracking()
            .Where(u => u.ProjectId == unit.ProjectId && u.LayoutId == unit.LayoutId && u.Id != unit.Id && u.Status == UnitStatus.Available)
            .OrderBy(u => u.BuildingId == unit.BuildingId ? 0 : 1)
            .ThenBy(u => Math.Abs(u.Floor - unit.Floor))
            .ThenBy(u => u.Code)
            .Take(SimilarCount)
            .Select(u => new SimilarUnit(u.Id, u.Code, u.Floor, u.Layout!.Code, u.GrossArea, u.ListPrice, u.Version))
            .ToListAsync();

    internal static async Task<UnitDetails> DetailsAsync(RealtyDbContext db, Unit unit, Actor viewer)
    {
        var history = await db.UnitEvents.AsNoTracking()
            .Where(e => e.UnitId == unit.Id)
            .OrderByDescending(e => e.Id)
            .Take(HistoryLength)
            .Select(e => new EventSummary(e.Action.ToWire(), e.From.ToWire(), e.To.ToWire(), e.ActorName, e.At, e.Reason))
            .ToListAsync();
        return new UnitDetails(
            unit.Id, unit.ProjectId, unit.Code, unit.Building?.Name ?? "", unit.Floor, unit.Stack, unit.Status.ToWire(), unit.Version,
            unit.Layout?.Code ?? "", unit.Layout?.Name ?? "", unit.GrossArea, unit.NetArea, unit.Orientation,
            unit.UnitPrice, unit.ListPrice, unit.FloorPrice, unit.StatusChangedAt, unit.StatusChangedBy,
            unit.HoldExpiresAt, unit.WithheldReason, unit.LiveDeal is { } deal ? await DealAsync(db, deal, viewer) : null, history,
            unit.PriceBasis.ToString().ToLowerInvariant(), unit.PendingChange?.ToString().ToLowerInvariant());
    }

    private static async Task<DealSummary> DealAsync(RealtyDbContext db, Deal deal, Actor viewer)
    {
        var facts = await db.Deals.AsNoTracking().Where(d => d.Id == deal.Id)
            .Select(d => new
            {
                Paid = db.Receipts.Where(r => r.DealId == d.Id).Sum(r => (decimal?)r.Amount) ?? 0,
                Plan = db.PaymentPlans.Where(p => p.Id == d.PaymentPlanId).Select(p => p.Name).FirstOrDefault(),
                Ticket = db.QueueTickets.Where(t => t.Id == d.QueueTicketId).Select(t => (int?)t.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        var mine = deal.BelongsTo(viewer);
        return new DealSummary(
            deal.Id, deal.Stage.ToWire(), deal.CustomerName, mine ? deal.CustomerPhone : MaskPhone(deal.CustomerPhone), deal.AgentName,
            deal.Price, deal.OpenedAt, mine, deal.FloorPrice, deal.FinalPrice,
            [.. deal.PriceLines.Select(l => new PriceLineSummary(l.SchemeId, l.Name, l.Kind.ToString().ToLowerInvariant(), l.Value, l.Amount, l.After))],
            deal.PaymentPlanId, facts?.Plan, deal.DepositAmount, deal.DepositExpiresAt, deal.EarnestAmount, deal.SubscriptionNumber,
            deal.SignBy, deal.ContractNo, deal.ContractDate, facts?.Ticket, deal.CoBuyers, facts?.Paid ?? 0, deal.IsRehearsal);
    }

    /// <summary>Other agents' customers are theirs: show only enough of the number to recognise it.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
