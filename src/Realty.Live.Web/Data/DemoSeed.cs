using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Data;

/// <summary>
/// The demo: "滨江花园 Riverside Garden", phase 1, four towers, ~480 units in a believable mix,
/// and demo people. Runs only when <c>Demo:Seed</c> is true and the database has no project yet.
/// </summary>
public static class DemoSeed
{
    public const string Password = "Demo@2026";

    public sealed record DemoPerson(string Email, string Name, string Role);

    public static readonly DemoPerson[] People =
    [
        new("wangfang@demo.realty.live", "王芳", Roles.Agent),
        new("liqiang@demo.realty.live", "李强", Roles.Agent),
        new("zhaomin@demo.realty.live", "赵敏", Roles.Agent),
        new("manager@demo.realty.live", "陈静", Roles.Manager),
        new("finance@demo.realty.live", "刘洋", Roles.Finance),
        new("admin@demo.realty.live", "周涛", Roles.Admin),
    ];

    private static readonly (string Code, string Name, decimal Area)[] LayoutTypes =
    [
        ("A", "3房2厅1卫", 89m),
        ("B", "3房2厅2卫", 105m),
        ("C", "4房2厅2卫", 128m),
        ("D", "4房2厅2卫", 143m),
        ("S", "商铺", 96m),
    ];

    // Stack → layout and orientation: the big south-facing units sit at 01/02.
    private static readonly (string Stack, string Layout, string Orientation, decimal Premium)[] Stacks =
    [
        ("01", "D", "南", 1_200m),
        ("02", "C", "南", 1_200m),
        ("03", "B", "东南", 400m),
        ("04", "A", "西南", 0m),
    ];

    private static readonly string[] Surnames = ["张", "李", "王", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗"];
    private static readonly string[] GivenNames = ["伟", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "海燕", "建华", "志强", "丽娟"];

    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RealtyDbContext>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (await db.Projects.AnyAsync())
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var agents = new List<Actor>();
        Actor? manager = null;
        foreach (var person in People)
        {
            var user = new AppUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.Name, IsDemo = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, person.Role));
            var actor = new Actor(user.Id, person.Name, person.Role == Roles.Manager);
            if (person.Role == Roles.Agent)
            {
                agents.Add(actor);
            }
            else if (person.Role == Roles.Manager)
            {
                manager = actor;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project { Name = "滨江花园 Riverside Garden", Phase = "一期 Phase 1" };
        project.Layouts.AddRange(LayoutTypes.Select(l => new Layout { Code = l.Code, Name = l.Name }));
        (string Name, int Floors)[] towers = [("1#", 33), ("2#", 30), ("3#", 28), ("4#", 26)];
        project.Buildings.AddRange(towers.Select((t, i) => new Building { Name = t.Name, SortOrder = i + 1 }));
        db.Projects.Add(project);
        await db.SaveChangesAsync();

        var layouts = project.Layouts.ToDictionary(l => l.Code);
        var area = LayoutTypes.ToDictionary(l => l.Code, l => l.Area);
        var units = new List<(Unit Unit, int Tower)>();
        for (var t = 0; t < towers.Length; t++)
        {
            var building = project.Buildings[t];
            for (var floor = 1; floor <= towers[t].Floors; floor++)
            {
                foreach (var stack in Stacks)
                {
                    // Tower 1# has shops on the ground floor.
                    var layout = t == 0 && floor == 1 ? "S" : stack.Layout;
                    var gross = area[layout];
                    var perM2 = layout == "S" ? 52_000m : 38_000m + 150m * floor + stack.Premium + 300m * (3 - t);
                    var list = Math.Round(perM2 * gross, 0);
                    var unit = new Unit
                    {
                        ProjectId = project.Id,
                        BuildingId = building.Id,
                        Code = $"{building.Name}-{floor}{stack.Stack}",
                        Floor = floor,
                        Stack = stack.Stack,
                        LayoutId = layouts[layout].Id,
                        GrossArea = gross,
                        NetArea = Math.Round(gross * 0.78m, 2),
                        Orientation = stack.Orientation,
                        UnitPrice = perM2,
                        ListPrice = list,
                        FloorPrice = Math.Round(list * 0.97m, 0),
                    };
                    unit.Initialise(UnitStatus.Unreleased, now.AddDays(-30));
                    units.Add((unit, t));
                }
            }
        }
        db.Units.AddRange(units.Select(u => u.Unit));
        await db.SaveChangesAsync();

        // Play a month of sales through the real state machine, so every status has its events and deals.
        var random = new Random(20261122);
        foreach (var (unit, tower) in units)
        {
            var upperHalfOf4 = tower == 3 && unit.Floor > towers[3].Floors / 2;
            if (upperHalfOf4)
            {
                continue;
            }
            var at = now.AddDays(-30).AddMinutes(random.Next(0, 60));
            db.UnitEvents.Add(unit.Publish(manager!, at));
            if (tower == 2 && unit.Floor > towers[2].Floors - 2)
            {
                db.UnitEvents.Add(unit.Withhold(manager!, "领导保留 · reserved for management", at.AddHours(1)));
                continue;
            }
            var agent = agents[random.Next(agents.Count)];
            var customer = CustomerContact.Create(
                Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                "1" + random.Next(3, 10) + random.Next(100_000_000, 999_999_999));
            var dealAt = at.AddDays(random.Next(1, 28)).AddMinutes(random.Next(0, 600));
            var roll = random.NextDouble();
            if (roll < 0.20)
            {
                db.UnitEvents.Add(unit.Subscribe(agent, customer, dealAt));
                db.UnitEvents.Add(unit.Sign(agent, null, dealAt.AddDays(1)));
            }
            else if (roll < 0.28)
            {
                db.UnitEvents.Add(unit.Subscribe(agent, customer, dealAt));
            }
            else if (roll < 0.31)
            {
                db.UnitEvents.Add(unit.Deposit(agent, customer, dealAt));
            }
            else if (roll < 0.34)
            {
                db.UnitEvents.Add(unit.Hold(agent, customer, now.AddMinutes(-random.Next(1, 20)), TimeSpan.FromMinutes(project.HoldMinutes)));
            }
        }
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
