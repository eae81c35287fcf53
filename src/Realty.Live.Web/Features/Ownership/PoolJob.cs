using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Ownership;

/// <summary>
/// The hourly job that moves customers nobody followed up for a project's number of days into the
/// public pool; customers in a live deal never go. Safe to run repeatedly and on several nodes: a
/// customer already pooled is not picked again, and two nodes pooling one customer meet on its version.
/// </summary>
public sealed class PoolJob(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock, ILogger<PoolJob> logger)
{
    public const string Id = "customer-pool";

    /// <summary>Customers pooled in one save: enough to be quick, small enough that a conflict costs little.</summary>
    private const int Batch = 100;

    public async Task<int> RunAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(Project Project, PoolRule Rule)> pools;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            pools = [.. (await db.PoolRules.AsNoTracking().Where(r => r.IdleDays > 0).ToListAsync())
                .Join(await db.Projects.AsNoTracking().ToListAsync(), r => r.ProjectId, p => p.Id, (r, p) => (p, r))];
        }
        var pooled = 0;
        foreach (var (project, rule) in pools)
        {
            var idleSince = rule.IdleSince(project, now);
            int moved;
            do
            {
                moved = await PoolBatchAsync(project.Id, idleSince, now);
                pooled += Math.Max(moved, 0);
            }
            while (moved == Batch);
        }
        if (pooled > 0)
        {
            logger.LogInformation("Moved {Count} customers without follow-up to the public pool", pooled);
        }
        return pooled;
    }

    /// <summary>Pools up to one batch; -1 when someone changed one of them meanwhile (the next run looks again).</summary>
    private async Task<int> PoolBatchAsync(int projectId, DateTime idleSince, DateTime now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        // Counted from the last contact, else from when the owner got the customer (registration, transfer, claim).
        var customers = await db.Customers
            .Where(c => c.ProjectId == projectId && c.PooledAt == null && (c.OwnedSince ?? c.RegisteredAt) < idleSince)
            .Where(c => !db.CustomerInteractions.Any(i => i.CustomerId == c.Id && i.At >= idleSince))
            .WithoutLiveDeal(db)
            .OrderBy(c => c.Id)
            .Take(Batch)
            .ToListAsync();
        db.CustomerTransfers.AddRange(customers.Select(c => c.Pool(now)));
        try
        {
            await db.SaveChangesAsync();
            return customers.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            return -1;
        }
    }
}
