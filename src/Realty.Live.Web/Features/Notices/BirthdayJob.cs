using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Notices;

/// <summary>
/// Puts the project's birthday greetings into the outbox for customers whose birthday is today, from
/// 10:00 in the project's time zone (a node that was down at ten catches up later the same day).
/// Runs every minute on every node: each greeting's key (customer, year, channel) is unique, so a
/// customer is greeted once a year whatever runs twice. Born on 29 February: greeted on the 28th in
/// other years.
/// </summary>
public sealed class BirthdayJob(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock, ILogger<BirthdayJob> logger)
{
    public const string Id = "notice-birthdays";
    public static readonly TimeOnly SendAt = new(10, 0);

    /// <returns>How many greetings were queued.</returns>
    public async Task<int> RunAsync()
    {
        var queued = 0;
        List<Project> projects;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            projects = await db.Projects.AsNoTracking().ToListAsync();
        }
        foreach (var project in projects)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, project.TimeZone);
            if (TimeOnly.FromDateTime(local) < SendAt)
            {
                continue;
            }
            queued += await QueueAsync(project, DateOnly.FromDateTime(local));
        }
        return queued;
    }

    private async Task<int> QueueAsync(Project project, DateOnly today)
    {
        // Two nodes may insert the same greetings at once: the loser's insert fails on the unique key,
        // and the second pass finds them there and adds none.
        for (var pass = 1; ; pass++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var messages = await GreetingsAsync(db, project, today);
            if (messages.Count == 0)
            {
                return 0;
            }
            db.OutboxMessages.AddRange(messages);
            try
            {
                await db.SaveChangesAsync();
                logger.LogInformation("Queued {Count} birthday greetings for project {Project}", messages.Count, project.Id);
                return messages.Count;
            }
            catch (DbUpdateException) when (pass < 3)
            {
                // Someone else queued some of them meanwhile; plan again.
            }
        }
    }

    private async Task<List<OutboxMessage>> GreetingsAsync(RealtyDbContext db, Project project, DateOnly today)
    {
        var templates = await db.NoticeTemplates.AsNoTracking()
            .Where(t => t.ProjectId == project.Id && t.Kind == NoticeKind.Birthday)
            .OrderBy(t => t.Id).ToListAsync();
        if (templates.Count == 0)
        {
            return [];
        }
        var (month, day) = (today.Month, today.Day);
        var leapDayToo = month == 2 && day == 28 && !DateTime.IsLeapYear(today.Year);
        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.ProjectId == project.Id && c.Birthday != null)
            .Where(c => c.Birthday!.Value.Month == month && c.Birthday.Value.Day == day
                        || leapDayToo && c.Birthday!.Value.Month == 2 && c.Birthday.Value.Day == 29)
            .OrderBy(c => c.Id)
            .ToListAsync();
        if (customers.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = new List<OutboxMessage>();
        foreach (var template in templates.DistinctBy(t => t.Channel))
        {
            var values = await NoticeMerge.ValuesAsync(db, project, customers, template.Language);
            var plan = NoticeMerge.Plan(template, customers, values);
            var keys = plan.Notices.Select(n => Key(today.Year, n.CustomerId, template.Channel)).ToList();
            var done = (await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync()).ToHashSet();
            messages.AddRange(plan.Notices
                .Where(n => !done.Contains(Key(today.Year, n.CustomerId, template.Channel)))
                .Select(n => OutboxMessage.Create(project.Id, Key(today.Year, n.CustomerId, template.Channel), template.Channel, n.Recipient, n.Subject, n.Body, now, n.CustomerId, template.Id)));
        }
        return messages;
    }

    public static string Key(int year, int customerId, NoticeChannel channel) =>
        string.Create(CultureInfo.InvariantCulture, $"birthday:{year}:{customerId}:{channel.ToString().ToLowerInvariant()}");
}
