using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Reminders;

public sealed record ReminderView(int Id, int ProjectId, string Kind, string UnitCode, string? Detail, int? DealId, DateTime CreatedAt, bool Read);

/// <summary>The bell: an agent's own reminders, and for managers also the ones for every manager.</summary>
public sealed class ReminderService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReminderView>> ListAsync(Actor viewer, int take = 50)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await For(db, viewer)
            .OrderBy(r => r.ReadAt != null).ThenByDescending(r => r.Id)
            .Take(take)
            .Select(r => new ReminderView(r.Id, r.ProjectId, r.Kind.ToString(), r.UnitCode, r.Detail, r.DealId, r.CreatedAt, r.ReadAt != null))
            .ToListAsync();
    }

    public async Task<int> UnreadAsync(Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await For(db, viewer).CountAsync(r => r.ReadAt == null);
    }

    public async Task MarkReadAsync(Actor viewer, int? reminderId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await For(db, viewer).Where(r => r.ReadAt == null && (reminderId == null || r.Id == reminderId)).ToListAsync();
        unread.ForEach(r => r.MarkRead(now));
        await db.SaveChangesAsync();
    }

    /// <summary>Writes reminders that are not written yet; another node's job may be writing the same ones.</summary>
    public static async Task<int> AddNewAsync(RealtyDbContext db, IReadOnlyList<Reminder> reminders)
    {
        if (reminders.Count == 0)
        {
            return 0;
        }
        var keys = reminders.Select(r => r.Key).ToList();
        var known = await db.Reminders.Where(r => keys.Contains(r.Key)).Select(r => new { r.ProjectId, r.Key }).ToListAsync();
        var fresh = reminders.Where(r => !known.Contains(new { r.ProjectId, r.Key })).ToList();
        db.Reminders.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync();
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Written by the other node a moment ago: its copy stands.
            return 0;
        }
    }

    // A manager's bell also rings for what every manager must see (no recipient).
    private static IQueryable<Reminder> For(RealtyDbContext db, Actor viewer) =>
        db.Reminders.Where(r => r.RecipientId == viewer.Id || (viewer.IsManager && r.RecipientId == null));
}
