using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Notices;

/// <summary>
/// Templates, batches and the outbox, for managers. A batch is previewed first and queued only as
/// previewed, in one transaction; the dispatcher sends it.
/// </summary>
public sealed class NoticeService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxBatch = 5000;
    public const int OutboxLimit = 200;
    public const int SampleLimit = 50;

    public async Task<IReadOnlyList<NoticeTemplateView>> TemplatesAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var templates = await db.NoticeTemplates.AsNoTracking().Where(t => t.ProjectId == projectId).OrderBy(t => t.Kind).ThenBy(t => t.Name).ToListAsync();
        return [.. templates.Select(NoticeTemplateView.Of)];
    }

    /// <param name="templateId">Null for a new template.</param>
    /// <param name="version">The version the editor loaded: a template saved meanwhile by someone else is not overwritten.</param>
    public async Task<TemplateAnswer> SaveTemplateAsync(int projectId, int? templateId, int version, NoticeTemplateEdit edit, Actor by)
    {
        if (!by.IsManager)
        {
            return new TemplateAnswer.Refused(L.T("notice.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        NoticeTemplate? template = null;
        try
        {
            var checkedEdit = NoticeTemplate.Check(edit);
            if (templateId is { } id)
            {
                template = await db.NoticeTemplates.SingleOrDefaultAsync(t => t.Id == id && t.ProjectId == projectId) ?? throw new DomainException("notice.template.notFound");
                if (template.Version != version)
                {
                    throw new DomainException("notice.template.changed", template.UpdatedBy);
                }
            }
            else if (!await db.Projects.AnyAsync(p => p.Id == projectId))
            {
                throw new DomainException("project.notFound");
            }
            if (await db.NoticeTemplates.AnyAsync(t => t.ProjectId == projectId && t.Id != templateId && t.Name == checkedEdit.Name))
            {
                throw new DomainException("notice.name.taken", checkedEdit.Name!);
            }
            // The birthday job sends one greeting per channel: two would leave it to guess which.
            if (checkedEdit.Kind == NoticeKind.Birthday && await db.NoticeTemplates.FirstOrDefaultAsync(t =>
                    t.ProjectId == projectId && t.Id != templateId && t.Kind == NoticeKind.Birthday && t.Channel == checkedEdit.Channel) is { } other)
            {
                throw new DomainException("notice.birthday.taken", other.Name);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            if (template is null)
            {
                template = NoticeTemplate.Create(projectId, checkedEdit, by, now);
                db.NoticeTemplates.Add(template);
            }
            else
            {
                template.Update(checkedEdit, by, now);
            }
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            return new TemplateAnswer.Refused(L.Message(e));
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync();
            var savedBy = await fresh.NoticeTemplates.Where(t => t.Id == templateId).Select(t => t.UpdatedBy).SingleOrDefaultAsync();
            return new TemplateAnswer.Refused(savedBy is null ? L.T("notice.template.notFound") : L.T("notice.template.changed", savedBy));
        }
        catch (DbUpdateException)
        {
            // The unique name lost a race with another manager's save.
            return new TemplateAnswer.Refused(L.T("notice.name.taken", edit.Name?.Trim() ?? ""));
        }
        return new TemplateAnswer.Saved(NoticeTemplateView.Of(template), L.T("notice.template.saved", template.Name));
    }

    public async Task<string> DeleteTemplateAsync(int projectId, int templateId, Actor by)
    {
        if (!by.IsManager)
        {
            return L.T("notice.managersOnly");
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var deleted = await db.NoticeTemplates.Where(t => t.Id == templateId && t.ProjectId == projectId).ExecuteDeleteAsync();
        return L.T(deleted == 0 ? "notice.template.notFound" : "notice.template.deleted");
    }

    /// <summary>Customers of the project to fill the editor's preview with, newest first.</summary>
    public async Task<IReadOnlyList<SampleCustomer>> SamplesAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Customers.AsNoTracking().Where(c => c.ProjectId == projectId)
            .OrderByDescending(c => c.RegisteredAt).ThenByDescending(c => c.Id).Take(SampleLimit)
            .Select(c => new SampleCustomer(c.Id, c.Name)).ToListAsync();
    }

    /// <summary>The merge values of one customer, or of a made-up one when none is given.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> SampleValuesAsync(int projectId, int? customerId, NoticeLanguage language)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
        var customer = customerId is null ? null : await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId && c.ProjectId == projectId);
        return customer is null
            ? NoticeMerge.Example(project.Name, language)
            : (await NoticeMerge.ValuesAsync(db, project, [customer], language))[customer.Id];
    }

    /// <summary>The owners of the project's customers, for the batch's agent filter.</summary>
    public async Task<IReadOnlyList<AgentChoice>> AgentsAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var owners = await db.Customers.AsNoTracking().Where(c => c.ProjectId == projectId)
            .Select(c => new { c.OwnerId, c.OwnerName }).Distinct().ToListAsync();
        return [.. owners.GroupBy(o => o.OwnerId).Select(g => new AgentChoice(g.Key, g.First().OwnerName)).OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    public async Task<BatchAnswer> PreviewBatchAsync(int projectId, NoticeAudience audience, Actor by)
    {
        if (!by.IsManager)
        {
            return new BatchAnswer.Refused(L.T("notice.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        try
        {
            var (_, preview) = await PlanAsync(db, projectId, audience, Guid.NewGuid());
            return new BatchAnswer.Previewed(preview);
        }
        catch (DomainException e)
        {
            return new BatchAnswer.Refused(L.Message(e));
        }
    }

    /// <summary>Queues the batch exactly as previewed, in one transaction; confirming the same preview twice queues it once.</summary>
    public async Task<BatchAnswer> SendBatchAsync(int projectId, NoticeAudience audience, BatchPreview previewed, Actor by)
    {
        if (!by.IsManager)
        {
            return new BatchAnswer.Refused(L.T("notice.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        NoticePlan plan;
        BatchPreview preview;
        try
        {
            if (audience.TemplateId != previewed.TemplateId)
            {
                throw new DomainException("notice.batch.previewFirst");
            }
            (plan, preview) = await PlanAsync(db, projectId, audience, previewed.BatchId);
        }
        catch (DomainException e)
        {
            return new BatchAnswer.Refused(L.Message(e));
        }
        if (!preview.CustomerIds.SequenceEqual(previewed.CustomerIds) || !preview.Samples.SequenceEqual(previewed.Samples))
        {
            return new BatchAnswer.Changed(preview with { BatchId = Guid.NewGuid() }, L.T("notice.batch.changed", preview.Count));
        }
        if (plan.Notices.Count == 0)
        {
            return new BatchAnswer.Refused(L.T("notice.batch.nobody"));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.AddRange(plan.Notices.Select(n =>
            OutboxMessage.Create(projectId, BatchKey(previewed.BatchId, n.CustomerId), preview.Channel, n.Recipient, n.Subject, n.Body, now, n.CustomerId, audience.TemplateId)));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync();
            var key = BatchKey(previewed.BatchId, plan.Notices[0].CustomerId);
            if (await fresh.OutboxMessages.AnyAsync(m => m.Key == key))
            {
                return new BatchAnswer.Refused(L.T("notice.batch.alreadyQueued"));
            }
            throw;
        }
        return new BatchAnswer.Queued(plan.Notices.Count, L.T("notice.batch.queued", plan.Notices.Count));
    }

    public async Task<IReadOnlyList<OutboxView>> OutboxAsync(int projectId, OutboxStatus? status = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.OutboxMessages.AsNoTracking().Where(m => m.ProjectId == projectId);
        if (status is { } only)
        {
            query = query.Where(m => m.Status == only);
        }
        var messages = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(OutboxLimit).ToListAsync();
        return [.. messages.Select(OutboxView.Of)];
    }

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> OutboxCountsAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var counts = await db.OutboxMessages.AsNoTracking().Where(m => m.ProjectId == projectId)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <returns>The message to show; <paramref name="retried"/> tells whether the message was put back in line.</returns>
    public async Task<(bool Retried, string Message)> RetryNowAsync(int projectId, int messageId, Actor by)
    {
        if (!by.IsManager)
        {
            return (false, L.T("notice.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.ProjectId == projectId);
        if (message is null)
        {
            return (false, L.T("outbox.notFound"));
        }
        try
        {
            message.RetryNow(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            return (false, L.Message(e));
        }
        catch (DbUpdateConcurrencyException)
        {
            return (false, L.T("outbox.retry.busy"));
        }
        return (true, L.T("outbox.retry.done", message.Recipient));
    }

    public static string BatchKey(Guid batchId, int customerId) => $"batch:{batchId:N}:{customerId}";

    private async Task<(NoticePlan Plan, BatchPreview Preview)> PlanAsync(RealtyDbContext db, int projectId, NoticeAudience audience, Guid batchId)
    {
        var template = await db.NoticeTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == audience.TemplateId && t.ProjectId == projectId)
            ?? throw new DomainException("notice.template.choose");
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
        var query = db.Customers.AsNoTracking().Where(c => c.ProjectId == projectId);
        if (audience.Stage is { } stage)
        {
            query = query.Where(c => c.Stage == stage);
        }
        if (!string.IsNullOrWhiteSpace(audience.Channel))
        {
            query = query.Where(c => c.Channel == audience.Channel);
        }
        if (!string.IsNullOrWhiteSpace(audience.AgentId))
        {
            query = query.Where(c => c.OwnerId == audience.AgentId);
        }
        var total = await query.CountAsync();
        if (total > MaxBatch)
        {
            throw new DomainException("notice.batch.tooMany", total, MaxBatch);
        }
        var customers = await query.OrderBy(c => c.Id).ToListAsync();
        var values = await NoticeMerge.ValuesAsync(db, project, customers, template.Language);
        var plan = NoticeMerge.Plan(template, customers, values);
        return (plan, new BatchPreview(batchId, template.Id, template.Channel, total, [.. plan.Notices.Select(n => n.CustomerId)],
            [.. plan.Notices.Take(BatchPreview.SampleCount)], plan.Skipped));
    }
}
