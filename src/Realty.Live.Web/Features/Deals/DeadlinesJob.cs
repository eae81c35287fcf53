using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Reminders;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Deals;

/// <summary>
/// The recurring job of every minute: holds and deposits whose time is up go back on sale, and agents
/// and managers are reminded of deposits that ran out and subscriptions past their signing date. Safe
/// to run on several nodes and repeatedly: expiry is guarded by the unit's version, reminders by their key.
/// </summary>
public sealed class DeadlinesJob(UnitService units, IDbContextFactory<RealtyDbContext> dbFactory, BoardBroadcaster broadcaster, TimeProvider clock, ILogger<DeadlinesJob> logger)
{
    public const string Id = "deal-deadlines";

    public async Task RunAsync()
    {
        var expired = await units.ExpireDueAsync();
        if (expired.Count > 0)
        {
            logger.LogInformation("Expired {Count} holds and deposits", expired.Count);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var reminders = new List<Reminder>();
        var depositUnits = expired.Where(e => e.From == UnitStatus.Deposited).Select(e => e.UnitId).ToList();
        foreach (var deal in await db.Deals.AsNoTracking()
                     .Where(d => depositUnits.Contains(d.UnitId) && d.CloseReason == UnitAction.Expire && d.Stage == UnitStatus.Deposited)
                     .Select(d => new { d.Id, d.ProjectId, d.AgentId, Code = db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Code).First(), d.DepositAmount })
                     .ToListAsync())
        {
            reminders.Add(new Reminder(deal.ProjectId, ReminderKind.DepositExpired, $"deposit-expired:{deal.Id}", deal.AgentId, deal.Code, deal.DepositAmount?.ToString("0.00", CultureInfo.InvariantCulture), now, deal.Id));
        }
        foreach (var project in await db.Projects.AsNoTracking().ToListAsync())
        {
            var today = project.Today(now);
            var overdue = await db.Deals.AsNoTracking()
                .Where(d => d.ProjectId == project.Id && d.ClosedAt == null && d.Stage == UnitStatus.Subscribed && d.SignBy < today)
                .Select(d => new { d.Id, d.AgentId, d.SignBy, Code = db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Code).First() })
                .ToListAsync();
            foreach (var deal in overdue)
            {
                // Once a day each, to the agent and to the managers, until it is signed or cancelled.
                var day = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                reminders.Add(new Reminder(project.Id, ReminderKind.SignOverdue, $"sign-overdue:{deal.Id}:{day}", deal.AgentId, deal.Code, deal.SignBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now, deal.Id));
                reminders.Add(new Reminder(project.Id, ReminderKind.SignOverdue, $"sign-overdue:{deal.Id}:{day}:managers", null, deal.Code, deal.SignBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now, deal.Id));
            }
        }
        if (await ReminderService.AddNewAsync(db, reminders) > 0)
        {
            foreach (var project in reminders.Select(r => r.ProjectId).Distinct())
            {
                await broadcaster.PublishAsync(new ReminderAdded(project, null));
            }
        }
    }
}
