using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Ownership;

/// <summary>
/// Managers hand customers between agents (one, several, or all of an agent who leaves) and between
/// projects; every move is one line of the transfer log, with the reason. A batch is all or nothing.
/// </summary>
public sealed class TransferService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public const int LogLimit = 300;
    public const int BatchLimit = 1000;

    /// <summary>People who may be given customers: active users in the agent or manager role.</summary>
    public async Task<IReadOnlyList<AgentChoice>> AgentsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await AgentsAsync(db, clock.GetUtcNow());
    }

    /// <summary>Everyone who owns customers of the project now, departed agents too: the "from" of a transfer.</summary>
    public async Task<IReadOnlyList<OwnerCount>> OwnersAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var owners = await db.Customers.AsNoTracking()
            .Where(c => c.ProjectId == projectId && c.PooledAt == null)
            .GroupBy(c => new { c.OwnerId, c.OwnerName })
            .Select(g => new { g.Key.OwnerId, g.Key.OwnerName, Count = g.Count() })
            .ToListAsync();
        return [.. owners.Select(o => new OwnerCount(o.OwnerId, o.OwnerName, o.Count)).OrderBy(o => o.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The customers a manager picks from: of one owner (empty: the pool) or everyone, by name or number,
    /// in the order they were registered.
    /// </summary>
    public async Task<IReadOnlyList<CustomerView>> CustomersAsync(int projectId, string? ownerId, string? text, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.Customers.AsNoTracking().Where(c => c.ProjectId == projectId);
        if (ownerId is not null)
        {
            query = ownerId.Length == 0 ? query.Where(c => c.PooledAt != null) : query.Where(c => c.OwnerId == ownerId && c.PooledAt == null);
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            var typed = text.Trim();
            query = query.Where(c => c.Name.Contains(typed) || c.Mobile.Contains(typed));
        }
        var customers = await query.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id).Take(BatchLimit).ToListAsync();
        return [.. customers.Select(c => CustomerView.Of(c, viewer))];
    }

    public async Task<OwnershipAnswer> TransferAsync(TransferCustomers command, Actor by)
    {
        if (!by.IsManager)
        {
            return OwnershipAnswer.Refused(L.T("ownership.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        if ((await AgentsAsync(db, clock.GetUtcNow())).SingleOrDefault(a => a.Id == command.ToAgentId) is not { } target)
        {
            return OwnershipAnswer.Refused(L.T("transfer.agent.unknown"));
        }
        List<Customer> customers;
        if (command.FromOwnerId is { } from)
        {
            if (from == target.Id)
            {
                return OwnershipAnswer.Refused(L.T("transfer.sameAgent", target.Name));
            }
            customers = await db.Customers.Where(c => c.ProjectId == command.ProjectId && c.OwnerId == from && c.PooledAt == null).ToListAsync();
        }
        else
        {
            var (loaded, refusal) = await LoadAsync(db, command.ProjectId, command.CustomerIds);
            if (refusal is not null)
            {
                return refusal;
            }
            customers = loaded;
        }
        if (customers.Count == 0)
        {
            return OwnershipAnswer.Refused(L.T("transfer.none"));
        }
        var agent = new Actor(target.Id, target.Name, IsManager: false);
        var moving = customers.Where(c => c.InPool || !c.IsOwnedBy(agent)).ToList();
        try
        {
            OwnershipText.Note(command.Reason, required: true);
            db.CustomerTransfers.AddRange(moving.Select(c => c.HandTo(agent, TransferKind.Agent, by, now, command.Reason)));
        }
        catch (DomainException e)
        {
            return OwnershipAnswer.Refused(L.Message(e));
        }
        if (moving.Count == 0)
        {
            return OwnershipAnswer.Refused(L.T("transfer.allTheirsAlready", target.Name));
        }
        if (await SaveAsync(db) is { } conflict)
        {
            return conflict;
        }
        var skipped = customers.Count - moving.Count;
        return new OwnershipAnswer(true, skipped == 0
            ? L.T("transfer.done", moving.Count, target.Name)
            : L.T("transfer.doneSkipped", moving.Count, target.Name, skipped), moving.Count);
    }

    /// <summary>
    /// Moves customers to another project. Refused, for all of them, when the target project already
    /// has one of their numbers (one mobile is one customer per project) or one is in a live deal here.
    /// </summary>
    public async Task<OwnershipAnswer> MoveAsync(MoveCustomers command, Actor by)
    {
        if (!by.IsManager)
        {
            return OwnershipAnswer.Refused(L.T("ownership.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.ToProjectId == command.ProjectId)
        {
            return OwnershipAnswer.Refused(L.T("transfer.sameProject"));
        }
        var targetProject = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.ToProjectId);
        if (targetProject is null)
        {
            return OwnershipAnswer.Refused(L.T("transfer.project.unknown"));
        }
        Actor? agent = null;
        if (!string.IsNullOrEmpty(command.ToAgentId))
        {
            if ((await AgentsAsync(db, clock.GetUtcNow())).SingleOrDefault(a => a.Id == command.ToAgentId) is not { } target)
            {
                return OwnershipAnswer.Refused(L.T("transfer.agent.unknown"));
            }
            agent = new Actor(target.Id, target.Name, IsManager: false);
        }
        var (customers, refusal) = await LoadAsync(db, command.ProjectId, command.CustomerIds);
        if (refusal is not null)
        {
            return refusal;
        }
        try
        {
            OwnershipText.Note(command.Reason, required: true);
        }
        catch (DomainException e)
        {
            return OwnershipAnswer.Refused(L.Message(e));
        }

        var ids = customers.Select(c => c.Id).ToList();
        var aliases = await db.CustomerAliases.AsNoTracking().Where(a => ids.Contains(a.CustomerId)).ToListAsync();
        var names = customers.ToDictionary(c => c.Id, c => c.Name);
        var numbers = customers.Select(c => (c.Id, c.Mobile)).Concat(aliases.Select(a => (Id: a.CustomerId, a.Mobile))).ToList();
        var mobiles = numbers.Select(n => n.Mobile).ToList();
        var taken = await db.Customers.AsNoTracking().Where(c => c.ProjectId == command.ToProjectId && mobiles.Contains(c.Mobile)).Select(c => c.Mobile).ToListAsync();
        taken.AddRange(await db.CustomerAliases.AsNoTracking().Where(a => a.ProjectId == command.ToProjectId && mobiles.Contains(a.Mobile)).Select(a => a.Mobile).ToListAsync());
        if (taken.Count > 0)
        {
            var clashing = numbers.Where(n => taken.Contains(n.Mobile)).Select(n => names[n.Id]).Distinct();
            return OwnershipAnswer.Refused(L.T("transfer.project.taken", targetProject.Name, string.Join(L.T("list.separator"), clashing)));
        }
        var inDeals = await OpenDeals.CustomersInLiveDealsAsync(db, command.ProjectId, ids);
        if (inDeals.Count > 0)
        {
            var dealing = customers.Where(c => inDeals.Contains(c.Id)).Select(c => c.Name);
            return OwnershipAnswer.Refused(L.T("transfer.project.liveDeal", string.Join(L.T("list.separator"), dealing)));
        }

        db.CustomerTransfers.AddRange(customers.Select(c => c.MoveToProject(command.ToProjectId, agent, by, now, command.Reason)));
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.CustomerAliases.Where(a => ids.Contains(a.CustomerId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ProjectId, command.ToProjectId));
        if (await SaveAsync(db) is { } conflict)
        {
            await transaction.RollbackAsync();
            return conflict;
        }
        await transaction.CommitAsync();
        return new OwnershipAnswer(true, L.T("transfer.moved", customers.Count, targetProject.Name), customers.Count);
    }

    /// <summary>The transfer log of a project: lines that moved customers out of it, within it or into it, newest first.</summary>
    public async Task<IReadOnlyList<TransferView>> LogAsync(int projectId, TransferFilter filter)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId);
        if (project is null)
        {
            return [];
        }
        var query = db.CustomerTransfers.AsNoTracking().Where(t => t.FromProjectId == projectId || t.ToProjectId == projectId);
        if (filter.Kind is { } kind)
        {
            query = query.Where(t => t.Kind == kind);
        }
        if (!string.IsNullOrEmpty(filter.AgentId))
        {
            query = query.Where(t => t.FromOwnerId == filter.AgentId || t.ToOwnerId == filter.AgentId);
        }
        if (filter.From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), project.TimeZone);
            query = query.Where(t => t.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), project.TimeZone);
            query = query.Where(t => t.At < end);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(t => t.CustomerName.Contains(text) || (t.Reason != null && t.Reason.Contains(text)));
        }
        var projects = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name);
        var rows = await query.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(LogLimit).ToListAsync();
        return [.. rows.Select(t => new TransferView(t.Id, t.At, t.Kind, t.CustomerId, t.CustomerName, t.FromOwnerName, t.ToOwnerName,
            projects.GetValueOrDefault(t.FromProjectId, ""), projects.GetValueOrDefault(t.ToProjectId, ""),
            t.ById == Actor.System.Id ? L.T("transfers.system") : t.ByName, t.Reason))];
    }

    internal static async Task<IReadOnlyList<AgentChoice>> AgentsAsync(RealtyDbContext db, DateTimeOffset now)
    {
        var users = await (
                from user in db.Users.AsNoTracking()
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where role.Name == Roles.Agent || role.Name == Roles.Manager
                select new { user.Id, user.DisplayName, user.UserName, user.LockoutEnd })
            .ToListAsync();
        // A locked-out account is someone who left: nobody hands them customers.
        return [.. users.Where(u => u.LockoutEnd is not { } end || end <= now)
            .DistinctBy(u => u.Id)
            .Select(u => new AgentChoice(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? u.Id))
            .OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    private static async Task<(List<Customer> Customers, OwnershipAnswer? Refusal)> LoadAsync(RealtyDbContext db, int projectId, IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0)
        {
            return ([], OwnershipAnswer.Refused(L.T("transfer.none")));
        }
        if (ids.Count > BatchLimit)
        {
            return ([], OwnershipAnswer.Refused(L.T("transfer.tooMany", BatchLimit)));
        }
        var distinct = ids.Distinct().ToList();
        var customers = await db.Customers.Where(c => distinct.Contains(c.Id) && c.ProjectId == projectId).ToListAsync();
        return customers.Count == distinct.Count ? (customers, null) : ([], OwnershipAnswer.Refused(L.T("transfer.customers.unknown")));
    }

    private static async Task<OwnershipAnswer?> SaveAsync(RealtyDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OwnershipAnswer.Refused(L.T("ownership.changedMeanwhile"));
        }
    }
}
