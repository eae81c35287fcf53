using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Pricing;

/// <summary>
/// 调价: a manager's price changes, one unit at a time, in previewed batches, or from a price list sheet
/// (see PriceService.Excel.cs). Every change is a domain reprice (bumping the unit's version, with its
/// event row) and a price record, all of one operation in one transaction, and told to the boards
/// only after the commit.
/// </summary>
public sealed partial class PriceService(IDbContextFactory<RealtyDbContext> dbFactory, BoardBroadcaster broadcaster, TimeProvider clock)
{
    /// <summary>
    /// Sets one unit's price. A unit in a deal may be repriced too: its deal keeps the list and floor
    /// prices (and final price) it was struck at, while the unit's own list price is what the next
    /// buyer is offered should this deal fall through (holds and deposits often expire). A batch, by
    /// contrast, leaves units in a deal alone: see <see cref="Plan"/>.
    /// </summary>
    public async Task<PriceResult> RepriceAsync(int unitId, RepriceCommand command, Actor manager)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await UnitService.LoadAsync(db, unitId);
        if (unit is null)
        {
            return new PriceResult.NotFound(L.T("unit.notFound"));
        }
        if (unit.Version != command.ExpectedVersion)
        {
            return Stale(unit);
        }
        var now = Now;
        UnitEvent change;
        try
        {
            change = unit.Reprice(manager, command.Basis, command.Amount, command.FloorPrice, now, command.Reason);
        }
        catch (DomainException e)
        {
            return new PriceResult.Rejected(L.Message(e));
        }
        Record(db, unit, change, manager, now, null);
        if (!await CommitAsync(db))
        {
            await using var fresh = await dbFactory.CreateDbContextAsync();
            return await fresh.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId) is { } current
                ? Stale(current)
                : new PriceResult.NotFound(L.T("unit.notFound"));
        }
        await BroadcastAsync([(unit, change)]);
        return new PriceResult.Done(null, [unit.Code]);
    }

    /// <summary>What a batch would do: the units it reprices with old and new prices, and the ones it skips.</summary>
    public async Task<PreviewResult> PreviewAsync(BatchAdjustment adjustment, Actor manager)
    {
        if (Refusal(adjustment, manager) is { } refusal)
        {
            return new PreviewResult.Rejected(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == adjustment.Selection.ProjectId))
        {
            return new PreviewResult.Rejected(L.T("project.notFound"));
        }
        // Untracked: the domain reprices copies that are never saved, so the preview is the very
        // computation the apply will run.
        var units = await SelectAsync(db.Units.AsNoTracking(), adjustment.Selection);
        if (units.Count == 0)
        {
            return new PreviewResult.Rejected(L.T("pricing.selection.empty"));
        }
        try
        {
            var (rows, skipped, _) = Plan(units, adjustment, manager, Now);
            return new PreviewResult.Ok(new BatchPreview(adjustment, rows, skipped));
        }
        catch (DomainException e)
        {
            return new PreviewResult.Rejected(L.Message(e));
        }
    }

    /// <summary>
    /// Applies exactly what was previewed, in one transaction with one adjustment id, or nothing: when
    /// any selected unit moved since the preview (a new version, or in or out of the selection), the
    /// answer names them and the manager previews again.
    /// </summary>
    public async Task<PriceResult> ApplyAsync(BatchPreview preview, Actor manager)
    {
        var adjustment = preview.Adjustment;
        if (Refusal(adjustment, manager) is { } refusal)
        {
            return new PriceResult.Rejected(refusal);
        }
        if (preview.Rows.Count == 0)
        {
            return new PriceResult.Rejected(L.T("pricing.nothingToApply"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var units = await SelectAsync(db.Units, adjustment.Selection);
        var seen = preview.Rows.Select(r => (r.UnitId, r.Code, r.Version)).Concat(preview.Skipped.Select(s => (s.UnitId, s.Code, s.Version))).ToList();
        var seenVersions = seen.ToDictionary(s => s.UnitId, s => s.Version);
        var selected = units.Select(u => u.Id).ToHashSet();
        List<string> moved =
        [
            .. units.Where(u => !seenVersions.TryGetValue(u.Id, out var version) || version != u.Version).Select(u => u.Code),
            .. seen.Where(s => !selected.Contains(s.UnitId)).Select(s => s.Code),
        ];
        if (moved.Count > 0)
        {
            return Moved(moved);
        }

        var adjustmentId = Guid.NewGuid();
        var now = Now;
        try
        {
            var (rows, _, changes) = Plan(units, adjustment, manager, now);
            foreach (var (unit, change) in changes)
            {
                Record(db, unit, change, manager, now, adjustmentId);
            }
            if (!await CommitAsync(db))
            {
                // Somebody's commit came between our read and our write: the versions say whose.
                await using var fresh = await dbFactory.CreateDbContextAsync();
                var current = await SelectAsync(fresh.Units.AsNoTracking(), adjustment.Selection);
                return Moved([.. current.Where(u => seenVersions.GetValueOrDefault(u.Id) != u.Version).Select(u => u.Code)]);
            }
            await BroadcastAsync(changes);
            return new PriceResult.Done(adjustmentId, [.. rows.Select(r => r.Code)]);
        }
        catch (DomainException e)
        {
            return new PriceResult.Rejected(L.Message(e));
        }
    }

    /// <summary>A unit's prices and every price it had, newest first; null for a code the project does not have.</summary>
    public async Task<UnitPrices?> HistoryAsync(int projectId, string? code)
    {
        var wanted = (code ?? "").Trim();
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await db.Units.AsNoTracking()
            .Include(u => u.Deals.Where(d => d.ClosedAt == null))
            .SingleOrDefaultAsync(u => u.ProjectId == projectId && u.Code == wanted);
        if (unit is null)
        {
            return null;
        }
        var history = await db.PriceRecords.AsNoTracking()
            .Where(p => p.UnitId == unit.Id)
            .OrderByDescending(p => p.Id)
            .Select(p => new PriceHistoryEntry(p.Id, p.At, p.ByName, p.PriceBasis, p.UnitPrice, p.ListPrice, p.FloorPrice, p.Reason, p.AdjustmentId))
            .ToListAsync();
        return new UnitPrices(unit.Id, unit.Code, unit.Status, unit.Version, unit.GrossArea, unit.NetArea, PricePoint.Of(unit), unit.LiveDeal?.Price, history);
    }

    public async Task<PriceFilters> FiltersAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.ProjectId == projectId)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Name).Select(b => new BuildingChoice(b.Id, b.Name)).ToListAsync();
        var layouts = await db.Layouts.AsNoTracking().Where(l => l.ProjectId == projectId)
            .OrderBy(l => l.Code).Select(l => new LayoutChoice(l.Id, l.Code, l.Name)).ToListAsync();
        var units = await db.Units.AsNoTracking().Where(u => u.ProjectId == projectId)
            .OrderBy(u => u.Building!.SortOrder).ThenBy(u => u.Floor).ThenBy(u => u.Stack)
            .Select(u => new { u.Code, u.Stack, u.Floor })
            .ToListAsync();
        return new PriceFilters(
            buildings,
            [.. units.Select(u => u.Stack).Distinct().Order(StringComparer.Ordinal)],
            layouts,
            [.. units.Select(u => u.Code)],
            units.Count == 0 ? 0 : units.Min(u => u.Floor),
            units.Count == 0 ? 0 : units.Max(u => u.Floor));
    }

    /// <summary>What a batch changes, and how, as a reason people can read in either language.</summary>
    public static string Describe(AdjustMode mode, decimal value)
    {
        var sign = value > 0 ? "+" : "";
        return mode switch
        {
            AdjustMode.Percent => sign + value.ToString("0.####", CultureInfo.InvariantCulture) + "%",
            AdjustMode.PerM2 => sign + value.ToString("#,0.00", CultureInfo.InvariantCulture) + "/m²",
            _ => sign + value.ToString("#,0.00", CultureInfo.InvariantCulture),
        };
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Input no batch may have, before anything is read.</summary>
    private static string? Refusal(BatchAdjustment adjustment, Actor manager)
    {
        var (selection, mode, value) = (adjustment.Selection, adjustment.Mode, adjustment.Value);
        if (!manager.IsManager)
        {
            return L.T("unit.managerOnly", UnitAction.Reprice);
        }
        if (!Enum.IsDefined(mode))
        {
            return L.T("pricing.mode.unknown");
        }
        if (mode == AdjustMode.Percent && value is <= -100 or > 100)
        {
            return L.T("pricing.percent.range");
        }
        if (value == 0)
        {
            return L.T("pricing.value.zero");
        }
        if (mode != AdjustMode.Percent && (value != Money.Fen(value) || Math.Abs(value) > Money.MaxPrice))
        {
            return L.T("pricing.amount.invalid");
        }
        if (selection.FloorFrom > selection.FloorTo)
        {
            return L.T("pricing.floors.order");
        }
        if ((adjustment.Reason ?? "").Trim().Length > Unit.MaxReasonLength)
        {
            return L.T("unit.reason.tooLong", Unit.MaxReasonLength);
        }
        return null;
    }

    private static Task<List<Unit>> SelectAsync(IQueryable<Unit> units, PriceSelection selection)
    {
        var query = units.Where(u => u.ProjectId == selection.ProjectId);
        if (selection.BuildingId is { } building)
        {
            query = query.Where(u => u.BuildingId == building);
        }
        if (selection.FloorFrom is { } from)
        {
            query = query.Where(u => u.Floor >= from);
        }
        if (selection.FloorTo is { } to)
        {
            query = query.Where(u => u.Floor <= to);
        }
        if (selection.Stacks is { Count: > 0 } stacks)
        {
            query = query.Where(u => stacks.Contains(u.Stack));
        }
        if (selection.LayoutIds is { Count: > 0 } layouts)
        {
            query = query.Where(u => layouts.Contains(u.LayoutId));
        }
        return query.OrderBy(u => u.Building!.SortOrder).ThenBy(u => u.Floor).ThenBy(u => u.Stack).ToListAsync();
    }

    /// <summary>
    /// Reprices the selected units through the domain. A unit in a deal (held, deposited, subscribed,
    /// signed) is skipped: a batch is a market move for units on offer, and the board should go on
    /// showing the price such a unit is being sold at; a manager who means to reprice one does it on
    /// its own. A unit with no price yet has nothing for a percentage to work on.
    /// </summary>
    private static (List<PreviewRow> Rows, List<SkippedUnit> Skipped, List<(Unit Unit, UnitEvent Change)> Changes) Plan(
        IReadOnlyList<Unit> units, BatchAdjustment adjustment, Actor manager, DateTime now)
    {
        var rows = new List<PreviewRow>();
        var skipped = new List<SkippedUnit>();
        var changes = new List<(Unit, UnitEvent)>();
        var reason = string.IsNullOrWhiteSpace(adjustment.Reason) ? Describe(adjustment.Mode, adjustment.Value) : adjustment.Reason;
        foreach (var unit in units)
        {
            if (unit.Status is UnitStatus.Held or UnitStatus.Deposited or UnitStatus.Subscribed or UnitStatus.Signed)
            {
                skipped.Add(new SkippedUnit(unit.Id, unit.Code, unit.Status, unit.Version, L.T("pricing.skip.inDeal", unit.Status)));
                continue;
            }
            if (unit.ListPrice <= 0)
            {
                skipped.Add(new SkippedUnit(unit.Id, unit.Code, unit.Status, unit.Version, L.T("pricing.skip.noPrice")));
                continue;
            }
            var (old, version) = (PricePoint.Of(unit), unit.Version);
            var (amount, floor) = Target(unit, adjustment.Mode, adjustment.Value);
            changes.Add((unit, unit.Reprice(manager, unit.PriceBasis, amount, floor, now, reason)));
            rows.Add(new PreviewRow(unit.Id, unit.Code, unit.Status, version, old, PricePoint.Of(unit)));
        }
        return (rows, skipped, changes);
    }

    /// <summary>
    /// The amount a unit's basis is set by after the change, and the floor price, which moves by the same
    /// rule: by the same percentage, or by the same amount the list price moved. The unit keeps its basis:
    /// an amount on the total of a unit priced per m² becomes the unit price that makes that total, to the
    /// fen, so unit price × area still gives the list price people check. Where rounding brings the
    /// floor above the list price, the floor is the list price. The domain refuses what is out of range.
    /// </summary>
    private static (decimal Amount, decimal Floor) Target(Unit unit, AdjustMode mode, decimal value)
    {
        var basis = unit.PriceBasis;
        var area = basis == PriceBasis.NetArea ? unit.NetArea : unit.GrossArea;
        var factor = 1 + value / 100m;
        var amount = (mode, basis) switch
        {
            (AdjustMode.Percent, PriceBasis.Total) => Money.Fen(unit.ListPrice * factor),
            (AdjustMode.Percent, _) => Money.Fen(unit.UnitPrice * factor),
            (AdjustMode.PerM2, PriceBasis.Total) => unit.ListPrice + Money.Fen(value * unit.GrossArea),
            (AdjustMode.PerM2, _) => unit.UnitPrice + value,
            (_, PriceBasis.Total) => unit.ListPrice + value,
            _ => area > 0 ? Money.Fen((unit.ListPrice + value) / area) : 0,
        };
        // As Unit.Reprice makes it from the amount.
        var list = Money.Fen(basis == PriceBasis.Total ? amount : amount * area);
        var floor = mode == AdjustMode.Percent ? Money.Fen(unit.FloorPrice * factor) : unit.FloorPrice + (list - unit.ListPrice);
        return (amount, Math.Min(floor, list));
    }

    /// <summary>Keeps a price change with its event and its price record, for the one save of the operation.</summary>
    private static void Record(RealtyDbContext db, Unit unit, UnitEvent change, Actor manager, DateTime now, Guid? adjustmentId)
    {
        db.UnitEvents.Add(change);
        db.PriceRecords.Add(new PriceRecord(unit, manager.Name, now, change.Reason, adjustmentId));
    }

    /// <summary>One save, so one transaction; false when a unit's version moved under it (nothing was written).</summary>
    private static async Task<bool> CommitAsync(RealtyDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>After the commit: every repriced unit's new price goes to the boards.</summary>
    private async Task BroadcastAsync(IEnumerable<(Unit Unit, UnitEvent Change)> changes)
    {
        foreach (var (unit, change) in changes)
        {
            await broadcaster.PublishAsync(UnitChanged.Of(unit, change));
        }
    }

    private static PriceResult Stale(Unit current) =>
        new PriceResult.Conflict(L.T("unit.stale", current.Code, current.Status), [current.Code]);

    private static PriceResult Moved(IReadOnlyList<string> codes) =>
        new PriceResult.Conflict(L.T("pricing.batch.moved", string.Join(", ", codes.Take(20)), codes.Count), codes);
}
