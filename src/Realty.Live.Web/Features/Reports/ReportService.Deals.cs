using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Web.Features.Reports;

public sealed partial class ReportService
{
    /// <summary>
    /// The contracts signed in the range (the sales report's contracts, row by row), oldest first, and
    /// their totals: m², list price, final price and discount.
    /// </summary>
    public Task<ReportAnswer<SoldReport>> SoldAsync(ReportFilter filter, Actor viewer, int limit = ScreenRows) => RunAsync(filter, viewer, async (db, scope) =>
    {
        var signed = Valued(db, Steps(db, scope, UnitAction.Sign));
        var sums = await signed.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Area = g.Sum(s => s.Area), Price = g.Sum(s => s.Deal.Price), Final = g.Sum(s => s.Amount) })
            .SingleOrDefaultAsync();
        var rows = await signed.OrderBy(s => s.Event.At).ThenBy(s => s.Event.Id).Take(limit)
            .Select(s => new
            {
                s.Event.Id, DealId = s.Deal.Id, s.Event.UnitCode, Building = s.Unit.Building!.Name, Layout = s.Unit.Layout!.Code, s.Area,
                s.Deal.CustomerName, s.Deal.AgentName, s.Deal.ContractNo, s.Deal.ContractDate, s.Event.At, s.Deal.Price, s.Amount,
                Cancelled = s.Deal.CloseReason == UnitAction.Cancel,
                MovedTo = s.Deal.UnitId == s.Unit.Id ? null : db.Units.Where(u => u.Id == s.Deal.UnitId).Select(u => u.Code).FirstOrDefault(),
            })
            .ToListAsync();
        return new SoldReport(
            filter,
            [.. rows.Select(r => new SoldRow(r.Id, r.DealId, r.UnitCode, r.Building, r.Layout, r.Area, r.CustomerName, r.AgentName, r.ContractNo, r.ContractDate,
                scope.Local(r.At), r.Price, r.Amount, r.Price - r.Amount, r.Cancelled, r.MovedTo))],
            sums?.Count ?? 0, sums?.Area ?? 0, sums?.Price ?? 0, sums?.Final ?? 0, (sums?.Price ?? 0) - (sums?.Final ?? 0));
    });

    /// <summary>
    /// Live deals waiting for their next step: deposits (until they expire) and subscriptions (until the
    /// sign-by day), overdue ones first, then by how soon they are due. They are few (at most one per
    /// unit, and only two stages), so they are put in order here; the phones are masked, as the report
    /// is printed and passed around.
    /// </summary>
    public Task<ReportAnswer<AwaitingReport>> AwaitingAsync(ReportFilter filter, Actor viewer, int limit = ScreenRows) => RunAsync(filter, viewer, async (db, scope) =>
    {
        var deals =
            from d in db.Deals
            where d.ProjectId == scope.ProjectId && d.ClosedAt == null && !d.IsRehearsal && (d.Stage == UnitStatus.Deposited || d.Stage == UnitStatus.Subscribed)
            join u in db.Units on d.UnitId equals u.Id
            select new { Deal = d, Unit = u };
        if (scope.BuildingId is { } building)
        {
            deals = deals.Where(x => x.Unit.BuildingId == building);
        }
        if (scope.AgentId is { } agent)
        {
            deals = deals.Where(x => x.Deal.AgentId == agent);
        }
        if (filter.Stage is { } stage)
        {
            var status = stage == FunnelStage.Deposited ? UnitStatus.Deposited : UnitStatus.Subscribed;
            deals = deals.Where(x => x.Deal.Stage == status);
        }
        var (now, today) = (scope.NowUtc, scope.Today);
        if (filter.Overdue is { } overdue)
        {
            deals = overdue
                ? deals.Where(x => (x.Deal.Stage == UnitStatus.Deposited && x.Deal.DepositExpiresAt < now) || (x.Deal.Stage == UnitStatus.Subscribed && x.Deal.SignBy < today))
                : deals.Where(x => !((x.Deal.Stage == UnitStatus.Deposited && x.Deal.DepositExpiresAt < now) || (x.Deal.Stage == UnitStatus.Subscribed && x.Deal.SignBy < today)));
        }
        var found = await deals
            .Select(x => new
            {
                x.Deal.Id, x.Unit.Code, Building = x.Unit.Building!.Name, x.Deal.Stage, x.Deal.CustomerName, x.Deal.CustomerPhone, x.Deal.AgentName, x.Deal.OpenedAt,
                x.Deal.SubscribedOn, x.Deal.DepositAmount, x.Deal.EarnestAmount, x.Deal.DepositExpiresAt, x.Deal.SignBy, Amount = x.Deal.FinalPrice ?? x.Deal.Price,
            })
            .ToListAsync();
        var rows = found
            .Select(d =>
            {
                var deposit = d.Stage == UnitStatus.Deposited;
                DateTime? dueAt = deposit && d.DepositExpiresAt is { } expires ? scope.Local(expires) : null;
                var due = dueAt is { } at ? DateOnly.FromDateTime(at) : d.SignBy ?? today;
                var late = deposit ? d.DepositExpiresAt < now : d.SignBy < today;
                return new AwaitingRow(
                    d.Id, d.Code, d.Building, deposit ? FunnelStage.Deposited : FunnelStage.Subscribed, d.CustomerName, UnitService.MaskPhone(d.CustomerPhone), d.AgentName,
                    d.SubscribedOn is { } on && !deposit ? on : DateOnly.FromDateTime(scope.Local(d.OpenedAt)),
                    (deposit ? d.DepositAmount : d.EarnestAmount) ?? 0, due, dueAt, late, late ? Math.Max(0, today.DayNumber - due.DayNumber) : 0, d.Amount);
            })
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.Due).ThenBy(r => r.DueAt).ThenBy(r => r.DealId)
            .ToList();
        return new AwaitingReport(
            filter, [.. rows.Take(limit)], rows.Count,
            rows.Count(r => r.Stage == FunnelStage.Deposited), rows.Count(r => r.Stage == FunnelStage.Subscribed), rows.Count(r => r.Overdue), rows.Sum(r => r.Amount));
    });
}
