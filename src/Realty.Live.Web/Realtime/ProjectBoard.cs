using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Realtime;

/// <summary>What a board cell shows; replaced whole on every change so readers never see half an update.</summary>
public sealed record UnitCell(
    int Id,
    string Code,
    int BuildingId,
    int Floor,
    string Stack,
    string Layout,
    decimal GrossArea,
    decimal ListPrice,
    UnitStatus Status,
    int Version,
    bool Pending = false);

/// <summary>A building's fixed grid: floors top-down, stacks left-right, and which unit sits where.</summary>
public sealed class BuildingGrid(int id, string name, IReadOnlyList<int> floors, IReadOnlyList<string> stacks, IReadOnlyDictionary<(int Floor, string Stack), int> unitAt)
{
    public int Id { get; } = id;

    public string Name { get; } = name;

    public IReadOnlyList<int> Floors { get; } = floors;

    public IReadOnlyList<string> Stacks { get; } = stacks;

    public int? UnitAt(int floor, string stack) => unitAt.TryGetValue((floor, stack), out var id) ? id : null;
}

/// <summary>
/// The live snapshot of one project's units on this node. Cells are swapped atomically; counts and
/// the ticker change under a lock so that every reader gets a consistent copy.
/// </summary>
public sealed class ProjectBoard
{
    public const int TickerLength = 30;

    private static readonly int StatusCount = Enum.GetValues<UnitStatus>().Length;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, UnitCell> _cells;
    private readonly Dictionary<int, int[]> _countsByBuilding;
    private readonly LinkedList<UnitChanged> _ticker;
    private long _versionSum;

    public ProjectBoard(int projectId, string name, IReadOnlyList<BuildingGrid> buildings, IEnumerable<UnitCell> cells, IEnumerable<UnitChanged> latestFirst)
    {
        ProjectId = projectId;
        Name = name;
        Buildings = buildings;
        _cells = cells.ToDictionary(c => c.Id);
        _countsByBuilding = buildings.ToDictionary(b => b.Id, _ => new int[StatusCount]);
        foreach (var cell in _cells.Values)
        {
            _countsByBuilding[cell.BuildingId][(int)cell.Status]++;
            _versionSum += cell.Version;
        }
        _ticker = new LinkedList<UnitChanged>(latestFirst.Take(TickerLength));
    }

    public int ProjectId { get; }

    public string Name { get; }

    public IReadOnlyList<BuildingGrid> Buildings { get; }

    /// <summary>
    /// The sum of all cells' versions. Versions only grow, so it equals the database's sum exactly
    /// when the snapshot is up to date: one cheap query tells whether a catch-up is needed.
    /// </summary>
    public long VersionSum
    {
        get
        {
            lock (_gate)
            {
                return _versionSum;
            }
        }
    }

    public UnitCell? Cell(int unitId)
    {
        lock (_gate)
        {
            return _cells.GetValueOrDefault(unitId);
        }
    }

    public IReadOnlyList<UnitCell> Cells()
    {
        lock (_gate)
        {
            return [.. _cells.Values];
        }
    }

    /// <summary>Units per status, for one building or (null) the whole project; indexed by <see cref="UnitStatus"/>.</summary>
    public int[] Counts(int? buildingId = null)
    {
        lock (_gate)
        {
            if (buildingId is { } id)
            {
                return _countsByBuilding.TryGetValue(id, out var counts) ? [.. counts] : new int[StatusCount];
            }
            var total = new int[StatusCount];
            foreach (var counts in _countsByBuilding.Values)
            {
                for (var i = 0; i < StatusCount; i++)
                {
                    total[i] += counts[i];
                }
            }
            return total;
        }
    }

    /// <summary>The latest transitions, newest first.</summary>
    public IReadOnlyList<UnitChanged> Ticker()
    {
        lock (_gate)
        {
            return [.. _ticker];
        }
    }

    /// <summary>Applies a committed change unless this snapshot already has it (or something newer).</summary>
    public bool Apply(UnitChanged change)
    {
        lock (_gate)
        {
            if (!_cells.TryGetValue(change.UnitId, out var cell) || cell.Version >= change.Version)
            {
                return false;
            }
            _cells[change.UnitId] = cell with { Status = change.Status, Version = change.Version, ListPrice = change.ListPrice ?? cell.ListPrice, Pending = change.Pending };
            _versionSum += change.Version - cell.Version;
            var counts = _countsByBuilding[cell.BuildingId];
            counts[(int)cell.Status]--;
            counts[(int)change.Status]++;
            _ticker.AddFirst(change);
            if (_ticker.Count > TickerLength)
            {
                _ticker.RemoveLast();
            }
            return true;
        }
    }
}
