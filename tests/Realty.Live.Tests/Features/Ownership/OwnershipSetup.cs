using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>Customers registered the way agents do, and what the ownership tests read back.</summary>
internal static class OwnershipSetup
{
    public const string Channel = "户外广告";

    public static async Task<int> RegisterAsync(this CustomerService registry, int projectId, string name, string mobile, Actor agent)
    {
        var result = await registry.RegisterAsync(new RegisterCustomer(projectId, name, mobile, Channel, FirstContact.WalkIn, Confirm: true), agent);
        return Assert.IsType<RegisterResult.Registered>(result).Customer.Id;
    }

    /// <summary>An agent of another desk tries the same mobile: refused, and the attempt is logged.</summary>
    public static async Task<int> AttemptAsync(this CustomerService registry, TestDatabase database, int projectId, string name, string mobile, Actor agent)
    {
        Assert.IsType<RegisterResult.Duplicate>(await registry.RegisterAsync(new RegisterCustomer(projectId, name, mobile, Channel, FirstContact.WalkIn), agent));
        await using var db = database.Open();
        return await db.DuplicateAttempts.OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    public static async Task<Customer> CustomerAsync(this TestDatabase database, int customerId)
    {
        await using var db = database.Open();
        return await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId);
    }

    public static async Task<List<CustomerTransfer>> TransfersAsync(this TestDatabase database)
    {
        await using var db = database.Open();
        return await db.CustomerTransfers.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
    }

    /// <summary>Everything an ownership command writes, read back in one go: equal before and after means nothing was written.</summary>
    public static async Task<string> SnapshotAsync(this TestDatabase database)
    {
        await using var db = database.Open();
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var attempts = await db.DuplicateAttempts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var channels = await db.ProjectChannels.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var rules = await db.PoolRules.AsNoTracking().OrderBy(r => r.ProjectId).ToListAsync();
        return string.Join(" | ",
            string.Join("; ", customers.Select(c => $"{c.Id} {c.ProjectId} {c.Name} {c.Mobile} {c.Channel} {c.OwnerId} {c.Version} {c.PooledAt:O} {c.OwnedSince:O}")),
            string.Join("; ", attempts.Select(a => $"{a.Id} {a.CustomerId} {a.Resolution} {a.ResolvedById}")),
            string.Join("; ", channels.Select(c => $"{c.Id} {c.Name} {c.Order} {c.Retired}")),
            string.Join("; ", rules.Select(r => $"{r.ProjectId} {r.IdleDays} {r.ClaimsPerDay}")),
            await db.CustomerTransfers.CountAsync(),
            await db.CustomerAliases.CountAsync(),
            await db.CustomerInteractions.CountAsync());
    }

    /// <summary>A second project of the developer, with nothing in it yet.</summary>
    public static async Task<int> AddProjectAsync(this TestDatabase database, string name)
    {
        await using var db = database.Open();
        var project = new Project { Name = name };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    public static async Task SetPoolAsync(this TestDatabase database, int projectId, int idleDays, int? claimsPerDay = null)
    {
        await using var db = database.Open();
        var rule = PoolRule.Off(projectId);
        rule.Update(idleDays, claimsPerDay);
        db.PoolRules.Add(rule);
        await db.SaveChangesAsync();
    }
}
