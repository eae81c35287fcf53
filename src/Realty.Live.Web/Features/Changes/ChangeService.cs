using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Deals;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Changes;

/// <summary>What an agent asks to change about a deal: which fields matter depends on the kind.</summary>
public sealed record ChangeCommand(
    int ExpectedVersion,
    ChangeKind Kind,
    string? Reason,
    int? TargetUnitId = null,
    string? CustomerName = null,
    string? CustomerPhone = null,
    string? CoBuyers = null,
    IReadOnlyList<int>? SchemeIds = null,
    int? PlanId = null,
    bool ForfeitEarnest = false);

public sealed record ChangeView(
    int Id,
    int ProjectId,
    int DealId,
    string UnitCode,
    string? TargetUnitCode,
    string Kind,
    string Status,
    string CustomerName,
    string Reason,
    string RequestedBy,
    DateTime RequestedAt,
    decimal? CurrentPrice,
    decimal? ProposedPrice,
    decimal? FloorPrice,
    string? NewCustomer,
    string? NewCoBuyers,
    bool ForfeitEarnest,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? DecisionNote,
    string? Before,
    string? After,
    decimal? MoneyEffect,
    int Version);

/// <summary>A live deal a change can be asked for, on the unit it is on now; <paramref name="Kinds"/>: the changes its stage allows.</summary>
public sealed record ChangeableDeal(int UnitId, string UnitCode, string CustomerName, UnitStatus Status, int UnitVersion, bool Pending, IReadOnlyList<ChangeKind> Kinds);

/// <summary>
/// 换房, 退房, 更名 and new terms: asked for by the deal's agent, decided by a manager, and carried out in
/// one transaction with the units and money they touch. Each decision is an entry of the change log.
/// </summary>
public sealed class ChangeService(IDbContextFactory<RealtyDbContext> dbFactory, BoardBroadcaster broadcaster, TimeProvider clock)
{
    public async Task<ChangeResult> RequestAsync(int unitId, ChangeCommand command, Actor agent)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await UnitService.LoadAsync(db, unitId);
        if (unit?.LiveDeal is not { } deal)
        {
            return new ChangeResult.Rejected(L.T(unit is null ? "unit.notFound" : "change.noDeal"));
        }
        if (unit.Version != command.ExpectedVersion)
        {
            return new ChangeResult.Rejected(L.T("unit.stale", unit.Code, unit.Status));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        ChangeRequest request;
        UnitEvent change;
        try
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == unit.ProjectId);
            var details = await DetailsAsync(db, project, unit, command, now);
            change = unit.RequestChange(agent, command.Kind, now, command.Reason);
            request = new ChangeRequest(deal, unit.Code, command.Kind, details, command.Reason, agent, now);
        }
        catch (DomainException e)
        {
            return new ChangeResult.Rejected(L.Message(e));
        }
        db.UnitEvents.Add(change);
        db.ChangeRequests.Add(request);
        // By unit too: after a change of unit the deal's new unit may reach the version its old one had.
        db.Reminders.Add(new Reminder(unit.ProjectId, ReminderKind.ChangeRequested, $"change-requested:{deal.Id}:{unit.Id}:{change.Version}", null, unit.Code, command.Kind.ToString(), now, deal.Id));
        if (await SaveAsync(db) is { } refused)
        {
            return refused;
        }
        await broadcaster.PublishAsync(UnitChanged.Of(unit, change));
        await broadcaster.PublishAsync(new RequestChanged(unit.ProjectId, request.Id, unit.Code, request.Status, agent.Id));
        await broadcaster.PublishAsync(new ReminderAdded(unit.ProjectId, null));
        return new ChangeResult.Done(await ViewAsync(db, request.Id));
    }

    public async Task<ChangeResult> ApproveAsync(int requestId, int expectedVersion, string? note, Actor manager)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == requestId);
        if (request is null || request.Version != expectedVersion)
        {
            return new ChangeResult.Rejected(L.T(request is null ? "change.notFound" : "change.stale"));
        }
        var unit = await UnitService.LoadAsync(db, request.UnitId);
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<(Unit Unit, UnitEvent Event)>();
        try
        {
            if (unit?.LiveDeal is not { } deal || deal.Id != request.DealId)
            {
                throw new DomainException("change.dealGone");
            }
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == unit.ProjectId);
            var before = Summary(unit, deal);
            var priceBefore = deal.FinalPrice ?? deal.Price;
            decimal effect;
            switch (request.Kind)
            {
                case ChangeKind.Cancel:
                    var paid = await db.Receipts.Where(r => r.DealId == deal.Id).SumAsync(r => r.Amount);
                    var refund = Math.Max(0, paid - (request.ForfeitEarnest ? deal.EarnestAmount ?? 0 : 0));
                    changes.Add((unit, unit.Cancel(manager, now, request.Reason)));
                    if (refund > 0)
                    {
                        db.Receipts.Add(new Receipt(deal.ProjectId, ReceiptKind.Refund, -refund, manager, now, deal, note: request.Reason));
                    }
                    await DealDesk.ScheduleAsync(db, deal, null, project.Today(now));
                    await DealDesk.FollowCustomerAsync(db, deal);
                    effect = -refund;
                    break;
                case ChangeKind.ChangeUnit:
                    var target = await UnitService.LoadAsync(db, request.TargetUnitId!.Value) ?? throw new DomainException("unit.notFound");
                    changes.Add((unit, unit.MoveOut(manager, now, request.Reason)));
                    changes.Add((target, target.MoveIn(deal, manager, now)));
                    await RepriceAsync(db, project, target, deal, deal.PriceLines.Select(l => l.SchemeId).ToList(), deal.PaymentPlanId, now);
                    await DealDesk.FollowCustomerAsync(db, deal);
                    effect = (deal.FinalPrice ?? deal.Price) - priceBefore;
                    break;
                case ChangeKind.Rename:
                    var formerCustomer = deal.CustomerId;
                    deal.Rename(request.NewCustomerName is null ? null : await NewBuyerAsync(db, deal, request), request.NewCoBuyers, now);
                    await DealDesk.FollowCustomerAsync(db, deal, formerCustomer);
                    changes.Add((unit, unit.Amend(manager, now, request.Reason)));
                    effect = 0;
                    break;
                default:
                    await RepriceAsync(db, project, unit, deal, request.NewSchemeIds, request.NewPlanId ?? deal.PaymentPlanId, now);
                    changes.Add((unit, unit.Amend(manager, now, request.Reason)));
                    effect = (deal.FinalPrice ?? request.ProposedPrice ?? deal.Price) - priceBefore;
                    break;
            }
            request.Approve(manager, now, note, before, Summary(changes[^1].Unit, deal), effect);
        }
        catch (DomainException e)
        {
            return new ChangeResult.Rejected(L.Message(e));
        }
        db.UnitEvents.AddRange(changes.Select(c => c.Event));
        db.Reminders.Add(Decided(request, now));
        if (await SaveAsync(db) is { } refused)
        {
            return refused;
        }
        foreach (var (changed, change) in changes)
        {
            await broadcaster.PublishAsync(UnitChanged.Of(changed, change));
        }
        await TellAsync(request);
        return new ChangeResult.Done(await ViewAsync(db, request.Id));
    }

    public Task<ChangeResult> RejectAsync(int requestId, int expectedVersion, string? note, Actor manager) =>
        DropAsync(requestId, expectedVersion, manager, (request, now) => request.Reject(manager, now, note), note);

    public Task<ChangeResult> WithdrawAsync(int requestId, int expectedVersion, Actor agent) =>
        DropAsync(requestId, expectedVersion, agent, (request, now) => request.Withdraw(agent, now), null);

    /// <summary>The managers' inbox: pending requests of a project, oldest first.</summary>
    public async Task<IReadOnlyList<ChangeView>> PendingAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var pending = await ViewsAsync(db, db.ChangeRequests.Where(r => r.ProjectId == projectId && r.Status == RequestStatus.Pending));
        return [.. pending.OrderBy(v => v.RequestedAt)];
    }

    /// <summary>The change log of a project (every request, newest first), or of one deal.</summary>
    public async Task<IReadOnlyList<ChangeView>> LogAsync(int projectId, int? dealId = null, int take = 200)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var requests = db.ChangeRequests.Where(r => r.ProjectId == projectId && (dealId == null || r.DealId == dealId)).OrderByDescending(r => r.Id).Take(take);
        return [.. (await ViewsAsync(db, requests)).OrderByDescending(v => v.Id)];
    }

    /// <summary>One agent's own requests in a project, newest first: what they asked for and what became of it.</summary>
    public async Task<IReadOnlyList<ChangeView>> MineAsync(int projectId, Actor agent, int take = 100)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var requests = db.ChangeRequests.Where(r => r.ProjectId == projectId && r.RequestedById == agent.Id).OrderByDescending(r => r.Id).Take(take);
        return [.. (await ViewsAsync(db, requests)).OrderByDescending(v => v.Id)];
    }

    /// <summary>The live deals of an agent in a project (a manager's: every agent's), by unit, that some change is possible for.</summary>
    public async Task<IReadOnlyList<ChangeableDeal>> DealsOfAsync(int projectId, Actor agent)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var deals = await (
            from d in db.Deals.AsNoTracking()
            join u in db.Units on d.UnitId equals u.Id
            where d.ProjectId == projectId && d.ClosedAt == null && (agent.IsManager || d.AgentId == agent.Id)
            orderby u.Code
            select new { u.Id, u.Code, d.CustomerName, u.Status, u.Version, Pending = u.PendingChange != null }).ToListAsync();
        return [.. deals
            .Select(d => new ChangeableDeal(d.Id, d.Code, d.CustomerName, d.Status, d.Version, d.Pending, [.. Enum.GetValues<ChangeKind>().Where(k => Unit.CanRequest(k, d.Status))]))
            .Where(d => d.Kinds.Count > 0)];
    }

    /// <summary>
    /// What approving each pending cancellation would refund, for the manager who decides: what was paid,
    /// less the earnest when it is forfeited, as <see cref="ApproveAsync"/> computes it. By request id.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, decimal>> RefundsDueAsync(IEnumerable<ChangeView> requests)
    {
        var cancels = requests.Where(r => r.Kind == nameof(ChangeKind.Cancel) && r.Status == nameof(RequestStatus.Pending)).ToList();
        if (cancels.Count == 0)
        {
            return new Dictionary<int, decimal>();
        }
        var dealIds = cancels.Select(r => r.DealId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var deals = await db.Deals.AsNoTracking().Where(d => dealIds.Contains(d.Id))
            .Select(d => new { d.Id, d.EarnestAmount, Paid = db.Receipts.Where(r => r.DealId == d.Id).Sum(r => (decimal?)r.Amount) ?? 0 })
            .ToDictionaryAsync(d => d.Id);
        return cancels.Where(r => deals.ContainsKey(r.DealId)).ToDictionary(
            r => r.Id,
            r => Math.Max(0, deals[r.DealId].Paid - (r.ForfeitEarnest ? deals[r.DealId].EarnestAmount ?? 0 : 0)));
    }

    private async Task<ChangeResult> DropAsync(int requestId, int expectedVersion, Actor by, Action<ChangeRequest, DateTime> settle, string? note)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var request = await db.ChangeRequests.SingleOrDefaultAsync(r => r.Id == requestId);
        if (request is null || request.Version != expectedVersion)
        {
            return new ChangeResult.Rejected(L.T(request is null ? "change.notFound" : "change.stale"));
        }
        var unit = await UnitService.LoadAsync(db, request.UnitId);
        var now = clock.GetUtcNow().UtcDateTime;
        UnitEvent? change = null;
        try
        {
            settle(request, now);
            // The unit shows the request only while its deal is still there.
            if (unit is { PendingChange: not null } && unit.LiveDeal?.Id == request.DealId)
            {
                change = unit.DropChange(by, now, note);
                db.UnitEvents.Add(change);
            }
        }
        catch (DomainException e)
        {
            return new ChangeResult.Rejected(L.Message(e));
        }
        if (request.Status == RequestStatus.Rejected)
        {
            db.Reminders.Add(Decided(request, now));
        }
        if (await SaveAsync(db) is { } refused)
        {
            return refused;
        }
        if (change is not null)
        {
            await broadcaster.PublishAsync(UnitChanged.Of(unit!, change));
        }
        await TellAsync(request);
        return new ChangeResult.Done(await ViewAsync(db, request.Id));
    }

    /// <summary>Checks what a request asks for before it is filed, so a manager never receives an impossible one.</summary>
    private static async Task<ChangeDetails> DetailsAsync(RealtyDbContext db, Project project, Unit unit, ChangeCommand command, DateTime now)
    {
        var deal = unit.LiveDeal!;
        switch (command.Kind)
        {
            case ChangeKind.ChangeUnit:
                var target = await db.Units.Include(u => u.Layout).SingleOrDefaultAsync(u => u.Id == command.TargetUnitId && u.ProjectId == unit.ProjectId)
                    ?? throw new DomainException("change.target.required");
                if (target.Status != UnitStatus.Available)
                {
                    throw new DomainException("change.target.notAvailable", target.Code, target.Status);
                }
                // The deal keeps its discounts and plan on the other unit: they must be given there too.
                await QuoteAsync(db, project, target, [.. deal.PriceLines.Select(l => l.SchemeId)], deal.PaymentPlanId, now);
                return new ChangeDetails(TargetUnitId: target.Id);
            case ChangeKind.Rename:
                var buyer = command.CustomerName is null && command.CustomerPhone is null ? null : CustomerContact.Create(command.CustomerName, command.CustomerPhone);
                var coBuyers = Deal.CoBuyerNames(command.CoBuyers);
                if (buyer is null && coBuyers == deal.CoBuyers)
                {
                    throw new DomainException("change.rename.nothing");
                }
                return new ChangeDetails(NewCustomer: buyer, NewCoBuyers: coBuyers);
            case ChangeKind.Price:
                if (command.PlanId is { } planId && !await db.PaymentPlans.AnyAsync(p => p.Id == planId && p.ProjectId == project.Id && p.Active))
                {
                    throw new DomainException("plan.unknown");
                }
                var quote = await QuoteAsync(db, project, unit, command.SchemeIds ?? [], command.PlanId ?? deal.PaymentPlanId, now);
                return new ChangeDetails(NewSchemeIds: quote.SchemeIds, NewPlanId: command.PlanId, ProposedPrice: quote.FinalPrice);
            default:
                return new ChangeDetails(ForfeitEarnest: command.ForfeitEarnest);
        }
    }

    /// <summary>
    /// The buyer a rename puts on the deal: the registered customer of that mobile when there is one (the
    /// manager approved the deal going to them), else a buyer the project has not registered.
    /// </summary>
    private static async Task<CustomerContact> NewBuyerAsync(RealtyDbContext db, Deal deal, ChangeRequest request)
    {
        var buyer = CustomerContact.Create(request.NewCustomerName, request.NewCustomerPhone);
        var customerId = await db.Customers.Where(c => c.ProjectId == deal.ProjectId && c.Mobile == buyer.Phone).Select(c => (int?)c.Id).SingleOrDefaultAsync();
        return buyer with { CustomerId = customerId };
    }

    /// <summary>The deal's new price on its unit with these discounts and plan; the deal's schedule follows.</summary>
    private static async Task RepriceAsync(RealtyDbContext db, Project project, Unit unit, Deal deal, IReadOnlyList<int> schemeIds, int? planId, DateTime now)
    {
        var quote = await QuoteAsync(db, project, unit, schemeIds, planId, now);
        var plan = planId is { } id ? await db.PaymentPlans.SingleAsync(p => p.Id == id) : null;
        deal.Reprice(quote, plan, now);
        await DealDesk.ScheduleAsync(db, deal, plan, project.Today(now));
    }

    private static async Task<PriceQuote> QuoteAsync(RealtyDbContext db, Project project, Unit unit, IReadOnlyList<int> schemeIds, int? planId, DateTime now)
    {
        var ids = schemeIds.Distinct().ToList();
        var schemes = await db.DiscountSchemes.Where(d => d.ProjectId == unit.ProjectId && ids.Contains(d.Id)).ToListAsync();
        if (schemes.Count != ids.Count)
        {
            throw new DomainException("discount.unknown");
        }
        return PriceQuote.For(unit, unit.Layout!.Code, schemes, project.Today(now), planId);
    }

    /// <summary>The deal in a line, for the change log: the same in both languages.</summary>
    private static string Summary(Unit unit, Deal deal)
    {
        var buyers = deal.CoBuyers is null ? deal.CustomerName : $"{deal.CustomerName}、{deal.CoBuyers}";
        var price = (deal.FinalPrice ?? deal.Price).ToString("¥#,0.00", CultureInfo.InvariantCulture);
        return $"{unit.Code} · {buyers} · {price}";
    }

    private static Reminder Decided(ChangeRequest request, DateTime now) =>
        new(request.ProjectId, ReminderKind.ChangeDecided, $"change-decided:{request.Id}", request.RequestedById, request.UnitCode, request.Status.ToString(), now, request.DealId);

    private async Task TellAsync(ChangeRequest request)
    {
        await broadcaster.PublishAsync(new RequestChanged(request.ProjectId, request.Id, request.UnitCode, request.Status, request.RequestedById));
        await broadcaster.PublishAsync(new ReminderAdded(request.ProjectId, request.RequestedById));
    }

    /// <summary>Saves, or says why not: somebody else changed the unit, the target or the request first.</summary>
    private static async Task<ChangeResult?> SaveAsync(RealtyDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException)
        {
            return new ChangeResult.Rejected(L.T("change.conflict"));
        }
    }

    private static async Task<ChangeView> ViewAsync(RealtyDbContext db, int requestId) =>
        (await ViewsAsync(db, db.ChangeRequests.Where(r => r.Id == requestId))).Single();

    private static async Task<List<ChangeView>> ViewsAsync(RealtyDbContext db, IQueryable<ChangeRequest> requests)
    {
        var rows = await (
            from r in requests.AsNoTracking()
            join d in db.Deals on r.DealId equals d.Id
            select new
            {
                Request = r,
                d.CustomerName,
                Price = d.FinalPrice ?? d.Price,
                d.FloorPrice,
                Target = db.Units.Where(u => u.Id == r.TargetUnitId).Select(u => u.Code).FirstOrDefault(),
            }).ToListAsync();
        return [.. rows.Select(row =>
        {
            var r = row.Request;
            return new ChangeView(
                r.Id, r.ProjectId, r.DealId, r.UnitCode, row.Target, r.Kind.ToString(), r.Status.ToString(), row.CustomerName, r.Reason,
                r.RequestedByName, r.RequestedAt, row.Price, r.ProposedPrice, row.FloorPrice,
                r.NewCustomerName is null ? null : $"{r.NewCustomerName} {UnitService.MaskPhone(r.NewCustomerPhone ?? "")}", r.NewCoBuyers,
                r.ForfeitEarnest, r.DecidedByName, r.DecidedAt, r.DecisionNote, r.Before, r.After, r.MoneyEffect, r.Version);
        })];
    }
}

public abstract record ChangeResult
{
    public sealed record Done(ChangeView Request) : ChangeResult;

    /// <summary>Refused with a reason a person can act on; nothing was written.</summary>
    public sealed record Rejected(string Message) : ChangeResult;
}
