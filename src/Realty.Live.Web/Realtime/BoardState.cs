using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Realtime;

/// <summary>
/// The shared state every board binds to: one snapshot per project on this node, loaded from the
/// database on first use and changed only by committed messages from the event bus.
/// </summary>
public sealed class BoardState(IDbContextFactory<RealtyDbContext> dbFactory) : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<Task<ProjectBoard?>>> _boards = new();
    private readonly BoardListeners _listeners = new();

    public Task<ProjectBoard?> GetAsync(int projectId)
    {
        var lazy = _boards.GetOrAdd(projectId, id => new Lazy<Task<ProjectBoard?>>(() => LoadAsync(id)));
        return AwaitOrForget(projectId, lazy);
    }

    /// <summary>
    /// Listens to one project's committed changes: called off the publisher's thread, with what
    /// arrived since the last call, in the culture it subscribed in. Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(int projectId, Action<IReadOnlyList<BoardMessage>> listener) => _listeners.Add(projectId, listener);

    public int ListenerCount(int projectId) => _listeners.Count(projectId);

    /// <summary>
    /// Called for every message on the bus, after the commit it describes. Returns false when it
    /// changed nothing: the snapshot already had it, or nobody has opened that board yet (it will load
    /// the committed truth when first asked).
    /// </summary>
    public async Task<bool> ApplyAsync(BoardMessage message)
    {
        if (message is PresenceChanged)
        {
            // Who is looking is not the units' state: the presence tracker hears it on the bus itself,
            // and only the boards that show the overlay listen to it there.
            return false;
        }
        if (message is UnitsAdded)
        {
            // The grids themselves changed: the next reader loads them afresh, as the open boards are told to.
            Forget(message.ProjectId);
        }
        else if (message is UnitChanged change &&
            (!_boards.TryGetValue(change.ProjectId, out var lazy) || await AwaitOrForget(change.ProjectId, lazy) is not { } board || !board.Apply(change)))
        {
            return false;
        }
        _listeners.Post(message);
        return true;
    }

    /// <summary>
    /// Brings every loaded snapshot up to the database and tells its listeners, for changes the bus
    /// did not deliver. Returns what was caught up.
    /// </summary>
    public async Task<IReadOnlyList<UnitChanged>> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var caughtUp = new List<UnitChanged>();
        foreach (var (projectId, lazy) in _boards)
        {
            if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully || lazy.Value.Result is not { } board)
            {
                continue;
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var units = db.Units.AsNoTracking().Where(u => u.ProjectId == projectId);
            if (await units.SumAsync(u => (long)u.Version, cancellationToken) == board.VersionSum)
            {
                continue;
            }
            var now = await units.Select(u => new { u.Id, u.Version, u.ListPrice, Pending = u.PendingChange != null }).ToListAsync(cancellationToken);
            if (now.Count(v => board.Cell(v.Id) is null) is > 0 and var added)
            {
                // Units imported on another node whose message was lost: the board is loaded afresh.
                await ApplyAsync(new UnitsAdded(projectId, added));
                continue;
            }
            var behind = now.Where(v => board.Cell(v.Id) is { } cell && cell.Version < v.Version).ToDictionary(v => v.Id);
            var ids = behind.Keys.ToList();
            // Each unit's latest event says what happened to it, by whom and when.
            var latest = await db.UnitEvents.AsNoTracking()
                .Where(e => ids.Contains(e.UnitId) && e.Version == units.Where(u => u.Id == e.UnitId).Select(u => u.Version).First())
                .Select(e => new { e.UnitId, e.UnitCode, e.Action, e.From, e.To, e.Version, e.ActorName, e.At })
                .ToListAsync(cancellationToken);
            foreach (var e in latest)
            {
                var unit = behind[e.UnitId];
                var change = new UnitChanged(projectId, e.UnitId, e.UnitCode, board.Cell(e.UnitId)!.BuildingId, e.Action, e.From, e.To, e.Version, e.ActorName, e.At, unit.ListPrice, unit.Pending);
                if (await ApplyAsync(change))
                {
                    caughtUp.Add(change);
                }
            }
        }
        return caughtUp;
    }

    public void Dispose() => _listeners.Dispose();

    /// <summary>Drops a cached snapshot so the next reader loads it afresh (e.g. after a bulk change).</summary>
    public void Forget(int projectId) => _boards.TryRemove(projectId, out _);

    private async Task<ProjectBoard?> AwaitOrForget(int projectId, Lazy<Task<ProjectBoard?>> lazy)
    {
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed load (database down) must not be cached; the next caller tries again.
            _boards.TryRemove(new KeyValuePair<int, Lazy<Task<ProjectBoard?>>>(projectId, lazy));
            throw;
        }
    }

    private async Task<ProjectBoard?> LoadAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.Name })
            .SingleOrDefaultAsync();
        if (project is null)
        {
            return null;
        }
        var buildings = await db.Buildings.AsNoTracking()
            .Where(b => b.ProjectId == projectId)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Name)
            .Select(b => new { b.Id, b.Name })
            .ToListAsync();
        var cells = await db.Units.AsNoTracking()
            .Where(u => u.ProjectId == projectId)
            .Select(u => new UnitCell(u.Id, u.Code, u.BuildingId, u.Floor, u.Stack, u.Layout!.Code, u.GrossArea, u.ListPrice, u.Status, u.Version, u.PendingChange != null))
            .ToListAsync();
        var ticker = await db.UnitEvents.AsNoTracking()
            .Where(e => e.ProjectId == projectId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(ProjectBoard.TickerLength)
            .Select(e => new { e.UnitId, e.UnitCode, e.Action, e.From, e.To, e.Version, e.ActorName, e.At })
            .ToListAsync();
        var buildingOf = cells.ToDictionary(c => c.Id, c => c.BuildingId);
        var grids = buildings.Select(b =>
        {
            var units = cells.Where(c => c.BuildingId == b.Id).ToList();
            return new BuildingGrid(
                b.Id,
                b.Name,
                [.. units.Select(u => u.Floor).Distinct().OrderDescending()],
                [.. units.Select(u => u.Stack).Distinct().Order(StringComparer.Ordinal)],
                units.ToDictionary(u => (u.Floor, u.Stack), u => u.Id));
        }).ToList();
        return new ProjectBoard(
            project.Id,
            project.Name,
            grids,
            cells,
            ticker.Select(e => new UnitChanged(projectId, e.UnitId, e.UnitCode, buildingOf.GetValueOrDefault(e.UnitId), e.Action, e.From, e.To, e.Version, e.ActorName, e.At)));
    }
}
