using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Bench;

/// <summary>The database after the run. Double sells and acknowledged actions missing from the log must both be 0.</summary>
public sealed record AuditResult(
    int DoubleSells,
    int LiveDeals,
    int EventsInLog,
    int DuplicateVersionsInLog,
    int Acknowledged,
    int AcknowledgedMissingFromLog,
    int UnitsDisagreeingWithTheirDeals);

/// <summary>Reads the database directly, not through the app: what was really committed.</summary>
public static class Audit
{
    public static async Task<(AuditResult Result, IReadOnlyList<Change> Changes)> RunAsync(RealtyDbContext db, int projectId, IReadOnlyList<Ack> acks)
    {
        // Double sell: a unit with more than one live deal.
        var doubleSells = await db.Deals.Where(d => d.ClosedAt == null).GroupBy(d => d.UnitId).CountAsync(g => g.Count() > 1);
        var liveDeals = await db.Deals.CountAsync(d => d.ClosedAt == null);
        var events = await db.UnitEvents.AsNoTracking().Where(e => e.ProjectId == projectId)
            .Select(e => new { e.UnitId, e.Version, e.To, e.At })
            .ToListAsync();
        var logged = events.Select(e => (e.UnitId, e.Version)).ToHashSet();
        // A unit sold, subscribed, held or deposited has exactly one live deal; an available one has none.
        var withoutDealWhenTaken = await db.Units.CountAsync(u => u.ProjectId == projectId &&
            (u.Status == UnitStatus.Held || u.Status == UnitStatus.Deposited || u.Status == UnitStatus.Subscribed || u.Status == UnitStatus.Signed) &&
            !db.Deals.Any(d => d.UnitId == u.Id && d.ClosedAt == null));
        var withDealWhenFree = await db.Units.CountAsync(u => u.ProjectId == projectId && u.Status == UnitStatus.Available &&
            db.Deals.Any(d => d.UnitId == u.Id && d.ClosedAt == null));
        var result = new AuditResult(
            doubleSells,
            liveDeals,
            events.Count,
            events.Count - logged.Count,
            acks.Count,
            acks.Count(a => !logged.Contains((a.UnitId, a.Version))),
            withoutDealWhenTaken + withDealWhenFree);
        return (result, [.. events.Select(e => new Change(e.UnitId, e.Version, e.To, e.At.Ticks))]);
    }
}
