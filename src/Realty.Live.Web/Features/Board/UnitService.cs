using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Board;

/// <summary>
/// Every change to a unit goes through here: one short-lived context, the version the agent saw
/// checked twice (here, and by the database as the concurrency token), one event row in the same
/// transaction, and a broadcast only after the commit.
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
            change = action switch
            {
                UnitAction.Publish => unit.Publish(actor, now),
                UnitAction.Withdraw => unit.Withdraw(actor, now),
                UnitAction.Withhold => unit.Withhold(actor, command.Reason, now),
                UnitAction.Unwithhold => unit.Unwithhold(actor, now),
                UnitAction.Hold => unit.Hold(actor, customer ?? throw new DomainException("customer.required"), now, await HoldTimeAsync(db, unit)),
                UnitAction.Release => unit.Release(actor, now),
                UnitAction.Deposit => unit.Deposit(actor, customer, now),
                UnitAction.Subscribe => unit.Subscribe(actor, customer, now),
                UnitAction.Sign => unit.Sign(actor, customer, now),
                _ => throw new DomainException("action.unknown", action.ToWire()),
            };
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
        catch (DbUpdateException)
        {
            // A concurrent writer committed first: the version no longer matched (or, as a last
            // line, the one-live-deal index refused a second deal). Nothing of ours was written.
            await using var fresh = await dbFactory.CreateDbContextAsync();
            if (await LoadAsync(fresh, unitId) is not { } current || current.Version == command.ExpectedVersion)
            {
                throw;
            }
            return await ConflictAsync(fresh, current, actor);
        }

        await broadcaster.PublishAsync(new UnitChanged(unit.ProjectId, unit.Id, unit.Code, unit.BuildingId, action, change.From, change.To, change.Version, actor.Name, change.At));
        return new CommandResult.Done(await DetailsAsync(db, unit, actor));
    }

    /// <summary>Returns expired holds to Available; safe to run on several nodes and repeatedly.</summary>
    public async Task<int> ExpireHoldsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Units.Where(u => u.Status == UnitStatus.Held && u.HoldExpiresAt <= now)
            .Select(u => new { u.Id, u.Version })
            .ToListAsync();
        var expired = 0;
        foreach (var unit in due)
        {
            if (await ExpireAsync(unit.Id, unit.Version, now))
            {
                expired++;
            }
        }
        return expired;
    }

    private async Task<bool> ExpireAsync(int unitId, int version, DateTime now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await LoadAsync(db, unitId);
        if (unit is null || unit.Version != version)
        {
            return false;
        }
        var change = unit.ExpireHold(now);
        db.UnitEvents.Add(change);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The agent acted on the unit in the meantime; their action wins.
            return false;
        }
        await broadcaster.PublishAsync(new UnitChanged(unit.ProjectId, unit.Id, unit.Code, unit.BuildingId, UnitAction.Expire, change.From, change.To, change.Version, Actor.System.Name, now));
        return true;
    }

    public async Task<IReadOnlyList<SimilarUnit>> SimilarAsync(int unitId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId);
        return unit is null ? [] : await SimilarAsync(db, unit);
    }

    private static Task<Unit?> LoadAsync(RealtyDbContext db, int unitId) => LoadAsync(db.Units, unitId);

    private static Task<Unit?> LoadAsync(IQueryable<Unit> units, int unitId) =>
        units
            .Include(u => u.Building)
            .Include(u => u.Layout)
            .Include(u => u.Deals.Where(d => d.ClosedAt == null))
            .SingleOrDefaultAsync(u => u.Id == unitId);

    private static async Task<TimeSpan> HoldTimeAsync(RealtyDbContext db, Unit unit) =>
        TimeSpan.FromMinutes(await db.Projects.Where(p => p.Id == unit.ProjectId).Select(p => p.HoldMinutes).SingleAsync());

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

    private static async Task<UnitDetails> DetailsAsync(RealtyDbContext db, Unit unit, Actor viewer)
    {
        var history = await db.UnitEvents.AsNoTracking()
            .Where(e => e.UnitId == unit.Id)
            .OrderByDescending(e => e.Id)
            .Take(HistoryLength)
            .Select(e => new EventSummary(e.Action.ToWire(), e.From.ToWire(), e.To.ToWire(), e.ActorName, e.At, e.Reason))
            .ToListAsync();
        var deal = unit.LiveDeal is { } d
            ? new DealSummary(d.Id, d.Stage.ToWire(), d.CustomerName, d.BelongsTo(viewer) ? d.CustomerPhone : MaskPhone(d.CustomerPhone), d.AgentName, d.Price, d.OpenedAt, d.BelongsTo(viewer))
            : null;
        return new UnitDetails(
            unit.Id, unit.ProjectId, unit.Code, unit.Building?.Name ?? "", unit.Floor, unit.Stack, unit.Status.ToWire(), unit.Version,
            unit.Layout?.Code ?? "", unit.Layout?.Name ?? "", unit.GrossArea, unit.NetArea, unit.Orientation,
            unit.UnitPrice, unit.ListPrice, unit.FloorPrice, unit.StatusChangedAt, unit.StatusChangedBy,
            unit.HoldExpiresAt, unit.WithheldReason, deal, history);
    }

    /// <summary>Other agents' customers are theirs: show only enough of the number to recognise it.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
