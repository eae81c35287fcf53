using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Reports;

public sealed partial class ReportService
{
    /// <summary>
    /// The unit status table: per building, units by status with their gross area and list value, and
    /// the first <paramref name="limit"/> units the filters pick (by building, floor and stack) with the
    /// live deal's buyer and agent. A unit in a rehearsal's deal counts as available.
    /// </summary>
    public Task<ReportAnswer<UnitsReport>> UnitsAsync(ReportFilter filter, Actor viewer, int limit = ScreenRows) => RunAsync(filter, viewer, async (db, scope) =>
    {
        var units = db.Units.Where(u => u.ProjectId == scope.ProjectId);
        if (scope.BuildingId is { } building)
        {
            units = units.Where(u => u.BuildingId == building);
        }
        var rehearsal = db.Deals.Where(d => d.ProjectId == scope.ProjectId && d.ClosedAt == null && d.IsRehearsal).Select(d => d.UnitId);
        var groups = await units
            .GroupBy(u => new { u.BuildingId, u.Status, Rehearsal = rehearsal.Contains(u.Id) })
            .Select(g => new { g.Key.BuildingId, g.Key.Status, g.Key.Rehearsal, Count = g.Count(), Area = g.Sum(u => u.GrossArea), Value = g.Sum(u => u.ListPrice) })
            .ToListAsync();
        var buildings = await db.Buildings.Where(b => b.ProjectId == scope.ProjectId && (scope.BuildingId == null || b.Id == scope.BuildingId))
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id).Select(b => new { b.Id, b.Name }).ToListAsync();

        BuildingStatusRow Row(int? id, string name, IEnumerable<(UnitStatus Status, int Count, decimal Area, decimal Value)> cells)
        {
            var list = cells.ToList();
            var counts = Enum.GetValues<UnitStatus>().ToDictionary(s => s, s => list.Where(c => c.Status == s).Sum(c => c.Count));
            return new BuildingStatusRow(id, name, counts, list.Sum(c => c.Count), list.Sum(c => c.Area), list.Sum(c => c.Value));
        }
        var cells = groups.Select(g => (g.BuildingId, Status: g.Rehearsal ? UnitStatus.Available : g.Status, g.Count, g.Area, g.Value)).ToList();
        var rows = buildings.Select(b => Row(b.Id, b.Name, cells.Where(c => c.BuildingId == b.Id).Select(c => (c.Status, c.Count, c.Area, c.Value)))).ToList();
        var totals = Row(null, "", cells.Select(c => (c.Status, c.Count, c.Area, c.Value)));

        var picked = filter.Status switch
        {
            null => units,
            UnitStatus.Available => units.Where(u => u.Status == UnitStatus.Available || rehearsal.Contains(u.Id)),
            var status => units.Where(u => u.Status == status && !rehearsal.Contains(u.Id)),
        };
        var count = await picked.CountAsync();
        var list = await (
                from u in picked
                join d in db.Deals.Where(d => d.ClosedAt == null && !d.IsRehearsal) on u.Id equals d.UnitId into live
                from d in live.DefaultIfEmpty()
                orderby u.Building!.SortOrder, u.BuildingId, u.Floor, u.Stack
                select new
                {
                    u.Id, u.Code, Building = u.Building!.Name, u.Floor, u.Stack, Layout = u.Layout!.Code, u.GrossArea, u.UnitPrice, u.ListPrice, u.Status,
                    Rehearsal = rehearsal.Contains(u.Id), Customer = d == null ? null : d.CustomerName, Agent = d == null ? null : d.AgentName,
                })
            .Take(limit).ToListAsync();
        return new UnitsReport(
            filter, rows, totals,
            [.. list.Select(u => new UnitRow(u.Id, u.Code, u.Building, u.Floor, u.Stack, u.Layout, u.GrossArea, u.UnitPrice, u.ListPrice,
                u.Rehearsal ? UnitStatus.Available : u.Status, u.Customer, u.Agent))],
            count, groups.Where(g => g.Rehearsal).Sum(g => g.Count));
    });
}
