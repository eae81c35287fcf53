using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Ownership;

/// <summary>
/// Whether a customer is in a live deal (held, deposited, subscribed or signed): a deal linked to them,
/// or one for a typed buyer (the API still takes those) with their number or one merged into them.
/// </summary>
internal static class OpenDeals
{
    private static readonly UnitStatus[] LiveStages = [UnitStatus.Held, UnitStatus.Deposited, UnitStatus.Subscribed, UnitStatus.Signed];

    public static IQueryable<Customer> WithoutLiveDeal(this IQueryable<Customer> customers, RealtyDbContext db) =>
        customers.Where(c => !db.Deals.Any(d => d.ProjectId == c.ProjectId && d.ClosedAt == null && LiveStages.Contains(d.Stage)
            && (d.CustomerId == c.Id || d.CustomerPhone == c.Mobile || db.CustomerAliases.Any(a => a.CustomerId == c.Id && a.Mobile == d.CustomerPhone))));

    public static async Task<IReadOnlySet<int>> CustomersInLiveDealsAsync(RealtyDbContext db, int projectId, IReadOnlyCollection<int> customerIds)
    {
        var free = await db.Customers.Where(c => c.ProjectId == projectId && customerIds.Contains(c.Id)).WithoutLiveDeal(db).Select(c => c.Id).ToListAsync();
        return customerIds.Except(free).ToHashSet();
    }
}
