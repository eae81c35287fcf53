using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Bench;

/// <summary>What the seed made: the project, its display link's token, the agents' sign-ins and every unit.</summary>
public sealed record SeededProject(int ProjectId, string DisplayToken, IReadOnlyList<string> AgentEmails, IReadOnlyList<SeededUnit> Units, IReadOnlyList<string> Buildings, int PlanId);

public sealed record SeededUnit(int Id, string Code, int BuildingId, int Version);

/// <summary>
/// Writes the opening-day project straight into the app's database before the app starts: towers of
/// 18–33 floors with 4 or 6 units a floor until N units, every unit Available, A agents (Identity
/// users in role Agent), one display link for the walls and a one-off payment plan for subscriptions.
/// </summary>
public static class Seeder
{
    public const string Password = "Bench@2026";

    private static readonly (string Code, string Name, decimal Area)[] LayoutTypes =
    [
        ("A", "3房2厅1卫", 89m),
        ("B", "3房2厅2卫", 105m),
        ("C", "4房2厅2卫", 128m),
        ("D", "4房2厅2卫", 143m),
    ];

    // Two units per lift core; the big south-facing ones at 01/02, as on the demo project.
    private static readonly (string Stack, string Layout, string Orientation, decimal Premium)[] FourStacks =
    [
        ("01", "D", "南", 1_200m), ("02", "C", "南", 1_200m), ("03", "B", "东南", 400m), ("04", "A", "西南", 0m),
    ];

    private static readonly (string Stack, string Layout, string Orientation, decimal Premium)[] SixStacks =
    [
        .. FourStacks, ("05", "B", "东", 200m), ("06", "A", "西", 0m),
    ];

    public static async Task<SeededProject> SeedAsync(RealtyDbContext db, int unitCount, int agentCount)
    {
        await db.Database.MigrateAsync();
        var now = DateTime.UtcNow;

        foreach (var role in Roles.All)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        await db.SaveChangesAsync();
        var agentRole = await db.Roles.SingleAsync(r => r.Name == Roles.Agent);

        // One PBKDF2 hash for all: each hash carries its own salt, so sharing one is valid, and it saves
        // the seed a few seconds per hundred agents. The app still verifies it at every sign-in.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var emails = new List<string>();
        for (var i = 1; i <= agentCount; i++)
        {
            var email = $"agent{i:000}@bench.realty.live";
            var user = new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"顾问{i:000}",
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = agentRole.Id });
            emails.Add(email);
        }
        await db.SaveChangesAsync();

        var project = new Project { Name = "开盘压测 Opening Day", Phase = "一期 Phase 1" };
        project.Layouts.AddRange(LayoutTypes.Select(l => new Layout { Code = l.Code, Name = l.Name }));
        var shapes = BuildingShapes(unitCount);
        project.Buildings.AddRange(shapes.Select((_, i) => new Building { Name = $"{i + 1}#", SortOrder = i + 1 }));
        db.Projects.Add(project);
        await db.SaveChangesAsync();

        var layouts = project.Layouts.ToDictionary(l => l.Code);
        var area = LayoutTypes.ToDictionary(l => l.Code, l => l.Area);
        var units = new List<Unit>();
        for (var b = 0; b < shapes.Count; b++)
        {
            var building = project.Buildings[b];
            var (floors, stacks, lastFloorUnits) = shapes[b];
            for (var floor = 1; floor <= floors; floor++)
            {
                foreach (var stack in stacks.Take(floor == floors ? lastFloorUnits : stacks.Length))
                {
                    var perM2 = 38_000m + 150m * floor + stack.Premium;
                    var list = Math.Round(perM2 * area[stack.Layout], 0);
                    var unit = new Unit
                    {
                        ProjectId = project.Id,
                        BuildingId = building.Id,
                        Code = $"{building.Name}-{floor}{stack.Stack}",
                        Floor = floor,
                        Stack = stack.Stack,
                        LayoutId = layouts[stack.Layout].Id,
                        GrossArea = area[stack.Layout],
                        NetArea = Math.Round(area[stack.Layout] * 0.78m, 2),
                        Orientation = stack.Orientation,
                        UnitPrice = perM2,
                        ListPrice = list,
                        FloorPrice = Math.Round(list * 0.97m, 0),
                    };
                    unit.Initialise(UnitStatus.Available, now);
                    units.Add(unit);
                }
            }
        }
        db.Units.AddRange(units);
        var link = new DisplayLink(project.Id, "开盘大屏 Bench", new Actor("bench", "Bench", IsManager: true), now);
        db.DisplayLinks.Add(link);
        var plan = new PaymentPlan(project.Id, new PaymentPlanTerms("一次性付款 One-off", PaymentPlanKind.OneOff, 100, DownPaymentDays: 15));
        db.PaymentPlans.Add(plan);
        await db.SaveChangesAsync();

        return new SeededProject(
            project.Id,
            link.Token,
            emails,
            [.. units.Select(u => new SeededUnit(u.Id, u.Code, u.BuildingId, u.Version))],
            [.. project.Buildings.Select(b => b.Name)],
            plan.Id);
    }

    /// <summary>Towers from 33 floors down to 18, every third a six-unit slab, the last one topped off with what is left.</summary>
    private static List<(int Floors, (string Stack, string Layout, string Orientation, decimal Premium)[] Stacks, int LastFloorUnits)> BuildingShapes(int unitCount)
    {
        var shapes = new List<(int, (string, string, string, decimal)[], int)>();
        var left = unitCount;
        for (var b = 0; left > 0; b++)
        {
            var stacks = b % 3 == 2 ? SixStacks : FourStacks;
            var floors = 33 - (b * 5 % 16);
            var take = Math.Min(left, floors * stacks.Length);
            var usedFloors = (take + stacks.Length - 1) / stacks.Length;
            var lastFloor = take - (usedFloors - 1) * stacks.Length;
            shapes.Add((usedFloors, stacks, lastFloor));
            left -= take;
        }
        return shapes;
    }
}
