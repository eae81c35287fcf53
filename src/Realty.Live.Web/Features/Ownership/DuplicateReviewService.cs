using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Ownership;

/// <summary>
/// The managers' review of the duplicate log (撞单): each refused registration is dismissed (the owner
/// keeps the customer), re-assigned to the agent who tried, or settled by merging two records of one
/// person. Every resolution keeps who, when and how.
/// </summary>
public sealed class DuplicateReviewService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public const int LogLimit = 200;

    public async Task<DuplicateLog> LogAsync(int projectId, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempts = await db.DuplicateAttempts.AsNoTracking()
            .Where(a => a.ProjectId == projectId)
            .OrderBy(a => a.Resolution == null ? 0 : 1).ThenByDescending(a => a.AttemptedAt).ThenByDescending(a => a.Id)
            .Take(LogLimit)
            .ToListAsync();
        var customerIds = attempts.Select(a => a.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var names = customers.Values.Select(c => c.Name).Concat(attempts.Select(a => a.TypedName)).Distinct().ToList();
        var sameNames = await db.Customers.AsNoTracking()
            .Where(c => c.ProjectId == projectId && names.Contains(c.Name))
            .OrderBy(c => c.RegisteredAt).ToListAsync();
        var views = new List<AttemptView>();
        foreach (var attempt in attempts)
        {
            // Merges move attempts to the kept record, so only a customer deleted some other way leaves one behind.
            if (!customers.TryGetValue(attempt.CustomerId, out var customer))
            {
                continue;
            }
            var candidates = sameNames
                .Where(c => c.Id != customer.Id && (c.Name == customer.Name || c.Name == attempt.TypedName))
                .Select(c => CustomerView.Of(c, viewer)).ToList();
            views.Add(new AttemptView(attempt.Id, attempt.AttemptedAt, attempt.AttemptedById, attempt.AttemptedByName, attempt.TypedName,
                CustomerView.Of(customer, viewer), attempt.Resolution, attempt.ResolvedByName, attempt.ResolvedAt, attempt.ResolutionNote, candidates));
        }

        var repeated = await db.Customers.AsNoTracking()
            .Where(c => c.ProjectId == projectId)
            .GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key)
            .Take(LogLimit).ToListAsync();
        var groups = (await db.Customers.AsNoTracking()
                .Where(c => c.ProjectId == projectId && repeated.Contains(c.Name))
                .ToListAsync())
            .GroupBy(c => c.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SameNameGroup(g.Key, [.. g.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id).Select(c => CustomerView.Of(c, viewer))]))
            .ToList();

        var merges = await db.CustomerAliases.AsNoTracking()
            .Where(a => a.ProjectId == projectId)
            .OrderByDescending(a => a.MergedAt).ThenByDescending(a => a.Id)
            .Take(LogLimit)
            .Select(a => new MergeView(a.CustomerId, db.Customers.Where(c => c.Id == a.CustomerId).Select(c => c.Name).First(),
                a.Mobile, a.MergedName, a.MergedOwnerName, a.MergedByName, a.MergedAt, a.Note))
            .ToListAsync();
        return new DuplicateLog(views, groups, merges);
    }

    /// <summary>The owner keeps the customer; the attempt is closed.</summary>
    public async Task<OwnershipAnswer> DismissAsync(int attemptId, string? note, Actor by)
    {
        if (!by.IsManager)
        {
            return OwnershipAnswer.Refused(L.T("ownership.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempt = await db.DuplicateAttempts.SingleOrDefaultAsync(a => a.Id == attemptId);
        if (attempt is null)
        {
            return OwnershipAnswer.Refused(L.T("duplicate.notFound"));
        }
        try
        {
            attempt.Resolve(DuplicateResolution.Dismissed, by, clock.GetUtcNow().UtcDateTime, note);
        }
        catch (DomainException e)
        {
            return OwnershipAnswer.Refused(L.Message(e));
        }
        await db.SaveChangesAsync();
        return new OwnershipAnswer(true, L.T("duplicate.dismissed"), 1);
    }

    /// <summary>The agent who tried to register the customer gets them; logged as a transfer too.</summary>
    public async Task<OwnershipAnswer> ReassignAsync(int attemptId, string? note, Actor by)
    {
        if (!by.IsManager)
        {
            return OwnershipAnswer.Refused(L.T("ownership.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var attempt = await db.DuplicateAttempts.SingleOrDefaultAsync(a => a.Id == attemptId);
        if (attempt is null)
        {
            return OwnershipAnswer.Refused(L.T("duplicate.notFound"));
        }
        var customer = await db.Customers.SingleAsync(c => c.Id == attempt.CustomerId);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            attempt.Resolve(DuplicateResolution.Reassigned, by, now, note);
            var agent = new Actor(attempt.AttemptedById, attempt.AttemptedByName, IsManager: false);
            db.CustomerTransfers.Add(customer.HandTo(agent, TransferKind.Reassign, by, now, attempt.ResolutionNote));
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
            return OwnershipAnswer.Refused(L.T("ownership.changedMeanwhile"));
        }
        return new OwnershipAnswer(true, L.T("duplicate.reassigned", customer.Name, attempt.AttemptedByName), 1);
    }

    /// <summary>
    /// Two records of one person become one: the merged record's timeline, duplicate attempts, transfers
    /// and other numbers move to the kept one, its mobile is remembered there, and it is gone.
    /// </summary>
    public async Task<OwnershipAnswer> MergeAsync(MergeCustomers command, Actor by)
    {
        if (!by.IsManager)
        {
            return OwnershipAnswer.Refused(L.T("ownership.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var kept = await db.Customers.SingleOrDefaultAsync(c => c.Id == command.KeepId);
        var away = await db.Customers.SingleOrDefaultAsync(c => c.Id == command.MergeId);
        if (kept is null || away is null)
        {
            return OwnershipAnswer.Refused(L.T("ledger.notFound"));
        }
        var attempt = command.AttemptId is { } attemptId ? await db.DuplicateAttempts.SingleOrDefaultAsync(a => a.Id == attemptId) : null;
        if (command.AttemptId is not null && (attempt is null || (attempt.CustomerId != kept.Id && attempt.CustomerId != away.Id)))
        {
            return OwnershipAnswer.Refused(L.T("duplicate.notFound"));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            attempt?.Resolve(DuplicateResolution.Merged, by, now, command.Note);
            db.CustomerAliases.Add(kept.Absorb(away, by, now, command.Note));
            db.CustomerTransfers.Add(CustomerTransfer.Merged(kept, away, by, now, command.Note));
        }
        catch (DomainException e)
        {
            return OwnershipAnswer.Refused(L.Message(e));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.CustomerInteractions.Where(i => i.CustomerId == away.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, kept.Id));
        await db.DuplicateAttempts.Where(a => a.CustomerId == away.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerId, kept.Id));
        await db.CustomerTransfers.Where(t => t.CustomerId == away.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, kept.Id));
        await db.CustomerAliases.Where(a => a.CustomerId == away.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerId, kept.Id));
        await db.Deals.Where(d => d.CustomerId == away.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CustomerId, kept.Id));
        await db.OutboxMessages.Where(m => m.CustomerId == away.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CustomerId, kept.Id));
        // One answer per question: where both records answered, the kept record's answer stands.
        var answered = db.QuestionAnswers.Where(a => a.CustomerId == kept.Id).Select(a => a.QuestionId);
        await db.QuestionAnswers.Where(a => a.CustomerId == away.Id && answered.Contains(a.QuestionId)).ExecuteDeleteAsync();
        await db.QuestionAnswers.Where(a => a.CustomerId == away.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerId, kept.Id));
        db.Customers.Remove(away);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            return OwnershipAnswer.Refused(L.T("ownership.changedMeanwhile"));
        }
        await transaction.CommitAsync();
        return new OwnershipAnswer(true, L.T("merge.done", away.Name, away.Mobile, kept.Name, kept.Mobile), 1);
    }
}
