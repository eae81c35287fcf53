using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Replay;

/// <summary>What loading a day for the replay gave: the day, or why not.</summary>
public abstract record ReplayResult
{
    public sealed record Ready(ReplayDay Day) : ReplayResult;

    public sealed record Refused(string Message) : ReplayResult;
}

/// <summary>
/// Loads a past day of a project from the event log for the replay (managers only). Rehearsal (公测)
/// deals are left out, as everywhere in the reports: their events are deleted when the rehearsal is
/// wiped and only the wipe's Reset remains, which is left out too. Played back, they would show units
/// sold that never were, or a Reset out of nowhere.
/// </summary>
public sealed class ReplayService(IDbContextFactory<RealtyDbContext> dbFactory, BoardState boards, TimeProvider clock)
{
    /// <summary>Far more than the busiest opening day writes; a day beyond it plays its first this many.</summary>
    public const int MaxEvents = 50_000;

    /// <summary>The project's calendar day now, or null for a project that does not exist.</summary>
    public async Task<DateOnly?> TodayAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId);
        return project?.Today(clock.GetUtcNow().UtcDateTime);
    }

    public async Task<ReplayResult> LoadAsync(int projectId, DateOnly day, Actor viewer)
    {
        if (!viewer.IsManager)
        {
            return new ReplayResult.Refused(L.T("replay.managerOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId);
        if (project is null || await boards.GetAsync(projectId) is not { } board)
        {
            return new ReplayResult.Refused(L.T("replay.noProject"));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (day > project.Today(now))
        {
            return new ReplayResult.Refused(L.T("replay.future", L.Date(day)));
        }
        var zone = project.TimeZone;
        var start = ReplayDay.Begins(day, zone);
        var end = ReplayDay.Begins(day.AddDays(1), zone);
        if (end > now)
        {
            end = now;
        }

        var statusAtStart = await StatusAtAsync(db, projectId, start);
        var cells = board.Cells();
        var buildingOf = cells.ToDictionary(c => c.Id, c => c.BuildingId);
        var events = await Kept(db)
            .Where(e => e.ProjectId == projectId && e.At >= start && e.At < end)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Take(MaxEvents + 1)
            .Select(e => new { e.Id, e.UnitId, e.UnitCode, e.Action, e.From, e.To, e.ActorName, e.At })
            .ToListAsync();
        return new ReplayResult.Ready(new ReplayDay(
            project.Id,
            project.Name,
            zone,
            day,
            start,
            end,
            board.Buildings,
            [.. cells.Select(c => c with { Status = statusAtStart.GetValueOrDefault(c.Id, c.Status), Version = 0, Pending = false })],
            [.. events.Take(MaxEvents).Select(e => new ReplayEvent(e.Id, e.UnitId, e.UnitCode, buildingOf.GetValueOrDefault(e.UnitId), e.Action, e.From, e.To, e.ActorName, e.At))],
            events.Count > MaxEvents));
    }

    /// <summary>
    /// Every unit's status at an instant, in one query, from the log alone: the To of its last event
    /// before the instant; with none, the From of its first event after it; with no events at all, its
    /// status now. Rehearsal events do not count, but a unit that only a rehearsal ever touched reads
    /// the status the rehearsal found it in (its first rehearsal event's From, or a wipe's To), not the
    /// made-up one it may still be in.
    /// </summary>
    public static async Task<Dictionary<int, UnitStatus>> StatusAtAsync(RealtyDbContext db, int projectId, DateTime instant)
    {
        var kept = Kept(db);
        var rehearsed = db.UnitEvents.Where(e => e.Action == UnitAction.Reset || (e.DealId != null && e.Deal!.IsRehearsal));
        var rows = await db.Units.AsNoTracking()
            .Where(u => u.ProjectId == projectId)
            .Select(u => new
            {
                u.Id,
                u.Status,
                Before = kept.Where(e => e.UnitId == u.Id && e.At < instant)
                    .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => (UnitStatus?)e.To).FirstOrDefault(),
                After = kept.Where(e => e.UnitId == u.Id && e.At >= instant)
                    .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => (UnitStatus?)e.From).FirstOrDefault(),
                Untouched = rehearsed.Where(e => e.UnitId == u.Id)
                    .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => (UnitStatus?)(e.Action == UnitAction.Reset ? e.To : e.From)).FirstOrDefault(),
            })
            .ToListAsync();
        return rows.ToDictionary(r => r.Id, r => r.Before ?? r.After ?? r.Untouched ?? r.Status);
    }

    /// <summary>The events a replay plays: all but rehearsal deals' and the wipes'.</summary>
    private static IQueryable<UnitEvent> Kept(RealtyDbContext db) =>
        db.UnitEvents.AsNoTracking().Where(e => e.Action != UnitAction.Reset && (e.DealId == null || !e.Deal!.IsRehearsal));
}
