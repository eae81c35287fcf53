using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Customers;

namespace Realty.Live.Web.Features.Reports;

public sealed partial class ReportService
{
    /// <summary>
    /// Customers registered in the range (of an agent: that agent's customers) by their stage now and
    /// their channel, and the first <paramref name="limit"/> of those the stage and channel pick, oldest
    /// first, phones masked.
    /// </summary>
    public Task<ReportAnswer<CustomersReport>> CustomersAsync(ReportFilter filter, Actor viewer, int limit = ScreenRows) => RunAsync(filter, viewer, async (db, scope) =>
    {
        var customers = db.Customers.Where(c => c.ProjectId == scope.ProjectId && c.RegisteredAt >= scope.FromUtc && c.RegisteredAt < scope.ToUtc);
        if (scope.AgentId is { } agent)
        {
            customers = customers.Where(c => c.OwnerId == agent);
        }
        var cells = await customers.GroupBy(c => new { c.Stage, c.Channel }).Select(g => new { g.Key.Stage, g.Key.Channel, Count = g.Count() }).ToListAsync();
        // The channels offered now, then any of these customers came through that are no longer offered.
        var offered = await CustomerService.ChannelsAsync(db, scope.ProjectId);
        var channels = offered.Concat(cells.Select(c => c.Channel).Where(c => !offered.Contains(c)).Distinct().Order(StringComparer.Ordinal)).ToList();

        StageRow Row(FunnelStage? stage) => new(
            stage,
            channels.ToDictionary(ch => ch, ch => cells.Where(c => c.Channel == ch && (stage == null || c.Stage == stage)).Sum(c => c.Count)),
            cells.Where(c => stage == null || c.Stage == stage).Sum(c => c.Count));

        var picked = customers;
        if (filter.Stage is { } wanted)
        {
            picked = picked.Where(c => c.Stage == wanted);
        }
        if (filter.Channel is { } channel)
        {
            picked = picked.Where(c => c.Channel == channel);
        }
        var count = await picked.CountAsync();
        var rows = await picked.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id).Take(limit)
            .Select(c => new { c.Id, c.Name, c.Mobile, c.Channel, c.Stage, c.OwnerName, c.RegisteredAt, c.FirstContact })
            .ToListAsync();
        return new CustomersReport(
            filter, channels, [.. Enum.GetValues<FunnelStage>().Select(s => Row(s))], Row(null),
            [.. rows.Select(c => new CustomerRow(c.Id, c.Name, UnitService.MaskPhone(c.Mobile), c.Channel, c.Stage, c.OwnerName, scope.Local(c.RegisteredAt), c.FirstContact))],
            count);
    });
}
