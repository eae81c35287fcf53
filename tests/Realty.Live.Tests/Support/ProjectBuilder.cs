using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Support;

/// <summary>The ids a test needs of the project it seeded.</summary>
public sealed record SeededProject(int Id, IReadOnlyDictionary<string, int> Units, IReadOnlyDictionary<string, int> Buildings, int OneOffPlanId)
{
    public int UnitId(string code) => Units[code];
}

/// <summary>
/// Writes a small project to a test database: buildings of floors × stacks, each stack with its
/// layout, every unit Available unless told otherwise, and a one-off payment plan; further states go
/// through the domain.
/// </summary>
public sealed class ProjectBuilder
{
    private static readonly Dictionary<string, (string Name, decimal Area)> LayoutTypes = new()
    {
        ["A"] = ("3房2厅1卫", 89m),
        ["B"] = ("3房2厅2卫", 105m),
        ["C"] = ("4房2厅2卫", 128m),
    };

    private readonly List<(string Name, int Floors, (string Stack, string Layout)[] Stacks)> _buildings = [];
    private readonly HashSet<string> _unreleased = [];
    private readonly List<(string Code, Func<Unit, DateTime, UnitEvent> Step)> _steps = [];
    private int _holdMinutes = Project.DefaultHoldMinutes;

    public static ProjectBuilder AProject() => new();

    /// <summary>The usual test project: tower 1#, ten floors, stack 01 of layout A and 02 of layout B.</summary>
    public static ProjectBuilder ATenFloorTower() => AProject().WithBuilding("1#", 10, ("01", "A"), ("02", "B"));

    public ProjectBuilder WithHoldMinutes(int minutes)
    {
        _holdMinutes = minutes;
        return this;
    }

    public ProjectBuilder WithBuilding(string name, int floors, params (string Stack, string Layout)[] stacks)
    {
        _buildings.Add((name, floors, stacks));
        return this;
    }

    public ProjectBuilder Unreleased(params string[] codes)
    {
        _unreleased.UnionWith(codes);
        return this;
    }

    /// <summary>A transition played on a unit before the test starts, stored with its event row.</summary>
    public ProjectBuilder With(string code, Func<Unit, DateTime, UnitEvent> step)
    {
        _steps.Add((code, step));
        return this;
    }

    public async Task<SeededProject> SaveAsync(TestDatabase database, DateTime now)
    {
        await using var db = database.Open();
        var project = new Project { Name = "滨江花园 Riverside Garden", Phase = "一期", HoldMinutes = _holdMinutes };
        var layoutCodes = _buildings.SelectMany(b => b.Stacks.Select(s => s.Layout)).Distinct().Order().ToList();
        project.Layouts.AddRange(layoutCodes.Select(c => new Layout { Code = c, Name = LayoutTypes[c].Name }));
        project.Buildings.AddRange(_buildings.Select((b, i) => new Building { Name = b.Name, SortOrder = i + 1 }));
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var oneOff = Terms.OneOff(project.Id);
        db.PaymentPlans.Add(oneOff);

        var layouts = project.Layouts.ToDictionary(l => l.Code);
        var units = new Dictionary<string, Unit>();
        foreach (var (spec, building) in _buildings.Zip(project.Buildings))
        {
            for (var floor = 1; floor <= spec.Floors; floor++)
            {
                foreach (var (stack, layout) in spec.Stacks)
                {
                    var area = LayoutTypes[layout].Area;
                    var perM2 = 40_000m + 150m * floor;
                    var code = $"{building.Name}-{floor}{stack}";
                    var unit = new Unit
                    {
                        ProjectId = project.Id,
                        BuildingId = building.Id,
                        Code = code,
                        Floor = floor,
                        Stack = stack,
                        LayoutId = layouts[layout].Id,
                        GrossArea = area,
                        NetArea = Math.Round(area * 0.78m, 2),
                        Orientation = "南",
                        UnitPrice = perM2,
                        ListPrice = perM2 * area,
                        FloorPrice = Math.Round(perM2 * area * 0.97m, 0),
                    };
                    unit.Initialise(_unreleased.Contains(code) ? UnitStatus.Unreleased : UnitStatus.Available, now.AddDays(-30));
                    units.Add(code, unit);
                }
            }
        }
        db.Units.AddRange(units.Values);
        await db.SaveChangesAsync();

        foreach (var (code, step) in _steps)
        {
            db.UnitEvents.Add(step(units[code], now));
        }
        // The steps agree their terms with a plan made in memory (see Terms); stored, the deals pay by the project's own.
        foreach (var deal in db.ChangeTracker.Entries<Deal>().Where(d => d.Entity.PaymentPlanId == 0))
        {
            deal.Property(d => d.PaymentPlanId).CurrentValue = oneOff.Id;
        }
        await db.SaveChangesAsync();

        return new SeededProject(
            project.Id,
            units.ToDictionary(u => u.Key, u => u.Value.Id),
            project.Buildings.ToDictionary(b => b.Name, b => b.Id),
            oneOff.Id);
    }
}
