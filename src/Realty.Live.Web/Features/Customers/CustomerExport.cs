using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Pricing;
using Realty.Live.Web.Localization;
using static Realty.Live.Web.Features.Customers.CustomerSheet;

namespace Realty.Live.Web.Features.Customers;

/// <summary>
/// The customer list as the viewer may see it, as a sheet: the customers the list shows them (agents their
/// own, managers all), phones as the list shows them, ID numbers as the ledger shows them.
/// </summary>
public sealed class CustomerExport(IDbContextFactory<RealtyDbContext> dbFactory, CustomerService customers)
{
    /// <summary>Null for no such project.</summary>
    public async Task<byte[]?> ExportAsync(int projectId, CustomerFilter filter, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            return null;
        }
        // The list's own query, so the export can never show more, or otherwise, than the screen.
        var views = await customers.ListAsync(projectId, filter, viewer, MaxExportRows);
        var ids = views.Select(v => v.Id).ToList();
        var idNumbers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id) && c.IdNumber != null).ToDictionaryAsync(c => c.Id, c => c.IdNumberFor(viewer));
        var ownerIds = views.Select(v => v.OwnerId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName);
        return PriceSheet.Write(
            views.Select(v => new Dictionary<SheetColumn, object?>
            {
                [Name] = v.Name,
                [Mobile] = v.Phone,
                [Channel] = v.Channel,
                [FirstContactColumn] = FirstContactName(v.FirstContact),
                [Agent] = v.OwnerName,
                [AgentAccount] = accounts.GetValueOrDefault(v.OwnerId),
                [Stage] = StageName(v.Stage),
                [RegisteredAt] = L.Time(v.RegisteredAt, "yyyy-MM-dd HH:mm"),
                [IdNumberColumn] = idNumbers.GetValueOrDefault(v.Id),
                [NextFollowUp] = v.NextFollowUp?.ToString("yyyy-MM-dd"),
            }),
            Exported,
            "客户 Customers");
    }
}
