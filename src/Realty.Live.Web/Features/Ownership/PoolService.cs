using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Ownership;

/// <summary>
/// The public pool (公共客户): customers nobody followed up for a project's number of days, open for
/// any agent to claim, within a limit per agent and day of the project's calendar.
/// </summary>
public sealed class PoolService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public const int ListLimit = 300;

    public async Task<PoolSettingsView> SettingsAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rule = await db.PoolRules.AsNoTracking().SingleOrDefaultAsync(r => r.ProjectId == projectId) ?? PoolRule.Off(projectId);
        return new PoolSettingsView(rule.IdleDays, rule.ClaimsPerDay);
    }

    public async Task<OwnershipAnswer> SaveSettingsAsync(int projectId, int? idleDays, int? claimsPerDay, Actor by)
    {
        if (!by.IsManager)
        {
            return OwnershipAnswer.Refused(L.T("ownership.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            return OwnershipAnswer.Refused(L.T("project.notFound"));
        }
        var rule = await db.PoolRules.SingleOrDefaultAsync(r => r.ProjectId == projectId);
        if (rule is null)
        {
            rule = PoolRule.Off(projectId);
            db.PoolRules.Add(rule);
        }
        try
        {
            rule.Update(idleDays, claimsPerDay);
        }
        catch (DomainException e)
        {
            return OwnershipAnswer.Refused(L.Message(e));
        }
        await db.SaveChangesAsync();
        return new OwnershipAnswer(true, L.T("pool.saved"));
    }

    /// <summary>The pool of a project, oldest in the pool first; everyone but managers sees the numbers masked until they claim.</summary>
    public async Task<PoolView> PoolAsync(int projectId, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId);
        if (project is null)
        {
            return new PoolView([], null, 0, 0);
        }
        var rule = await db.PoolRules.AsNoTracking().SingleOrDefaultAsync(r => r.ProjectId == projectId) ?? PoolRule.Off(projectId);
        var pooled = await db.Customers.AsNoTracking()
            .Where(c => c.ProjectId == projectId && c.PooledAt != null)
            .OrderBy(c => c.PooledAt).ThenBy(c => c.Id)
            .Take(ListLimit)
            .Select(c => new
            {
                Customer = c,
                LastOwner = db.CustomerTransfers.Where(t => t.CustomerId == c.Id && t.Kind == TransferKind.Pool)
                    .OrderByDescending(t => t.At).Select(t => t.FromOwnerName).FirstOrDefault(),
            })
            .ToListAsync();
        var customers = pooled.Select(p => new PoolCustomer(p.Customer.Id, p.Customer.Name,
            viewer.IsManager ? p.Customer.Mobile : UnitService.MaskPhone(p.Customer.Mobile), p.Customer.Channel, p.Customer.Stage,
            p.Customer.RegisteredAt, p.Customer.PooledAt!.Value, p.LastOwner ?? "")).ToList();
        return new PoolView(customers, rule.ClaimsPerDay, await ClaimedTodayAsync(db, project, viewer), rule.IdleDays);
    }

    /// <summary>
    /// Takes a customer from the pool. Two agents tapping the same one at once: the customer's version
    /// lets one save win, and the other is told who was quicker.
    /// </summary>
    public async Task<OwnershipAnswer> ClaimAsync(int customerId, Actor agent)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId);
        if (customer is null)
        {
            return OwnershipAnswer.Refused(L.T("ledger.notFound"));
        }
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == customer.ProjectId);
        var rule = await db.PoolRules.AsNoTracking().SingleOrDefaultAsync(r => r.ProjectId == project.Id) ?? PoolRule.Off(project.Id);
        if (customer.InPool && rule.ClaimsPerDay is { } limit && await ClaimedTodayAsync(db, project, agent) >= limit)
        {
            return OwnershipAnswer.Refused(limit == 0 ? L.T("pool.claimsClosed") : L.T("pool.limitReached", limit));
        }
        try
        {
            db.CustomerTransfers.Add(customer.Claim(agent, clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainException e)
        {
            return OwnershipAnswer.Refused(L.Message(e));
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync();
            var winner = await fresh.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId);
            return OwnershipAnswer.Refused(winner is null || winner.InPool ? L.T("ownership.changedMeanwhile") : L.T("pool.claimed", winner.Name, winner.OwnerName));
        }
        return new OwnershipAnswer(true, L.T("pool.claimedByYou", customer.Name, customer.Mobile), 1);
    }

    private Task<int> ClaimedTodayAsync(RealtyDbContext db, Project project, Actor agent)
    {
        var since = PoolRule.DayStart(project, clock.GetUtcNow().UtcDateTime);
        return db.CustomerTransfers.CountAsync(t => t.Kind == TransferKind.Claim && t.ToOwnerId == agent.Id && t.ToProjectId == project.Id && t.At >= since);
    }
}
