using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Displays;
using Realty.Live.Web.Realtime;

namespace Realty.Live.E2E;

/// <summary>What a unit looks like in the database: the truth a browser test checks its screens against.</summary>
public sealed record UnitRecord(int Id, string Code, UnitStatus Status, int Version, IReadOnlyList<UnitAction> Events, int Deals, int LiveDeals);

/// <summary>
/// What the tests do through the app's own services instead of a browser: somebody else working
/// while a screen is cut off, and reading back what was written.
/// </summary>
public static class ServerSteps
{
    public static async Task<Actor> ActorAsync(this IServiceProvider services, string email)
    {
        await using var db = await services.DbAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var isManager = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, role) => role.Name)
            .AnyAsync(name => name == Roles.Manager);
        return new Actor(user.Id, user.DisplayName, isManager);
    }

    /// <summary>Takes an action on a unit as the given person, with the version it has now; fails the test if it is refused.</summary>
    public static async Task<UnitDetails> ActAsync(this IServiceProvider services, string code, UnitAction action, Actor actor, string? customerName = null, string? customerPhone = null)
    {
        var unit = await services.UnitRecordAsync(code);
        await using var db = await services.DbAsync();
        // A subscription or contract straight from a hold or from nothing agrees a price: at the list price, by the first plan.
        var planId = await db.PaymentPlans.Where(p => p.Active).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var command = new UnitCommand(unit.Version, customerName, customerPhone,
            PlanId: action is UnitAction.Subscribe or UnitAction.Sign ? planId : null,
            ContractNo: action == UnitAction.Sign ? $"HT-E2E-{unit.Id}-{unit.Version}" : null);
        var result = await services.GetRequiredService<UnitService>().ExecuteAsync(unit.Id, action, command, actor);
        return result is CommandResult.Done done ? done.Unit : throw new InvalidOperationException($"{action} on {code} was refused: {result}");
    }

    public static async Task<UnitRecord> UnitRecordAsync(this IServiceProvider services, string code)
    {
        await using var db = await services.DbAsync();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == code);
        var events = await db.UnitEvents.AsNoTracking().Where(e => e.UnitId == unit.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        var deals = await db.Deals.AsNoTracking().Where(d => d.UnitId == unit.Id).Select(d => d.ClosedAt == null).ToListAsync();
        return new UnitRecord(unit.Id, unit.Code, unit.Status, unit.Version, events, deals.Count, deals.Count(live => live));
    }

    /// <summary>Units on sale in the building a wall shows first, in board order; each test takes its own.</summary>
    public static async Task<IReadOnlyList<string>> AvailableOnTheWallAsync(this IServiceProvider services, int count)
    {
        var board = await services.GetRequiredService<BoardState>().GetAsync(await services.ProjectIdAsync())
            ?? throw new InvalidOperationException("The demo project has no board.");
        var building = board.Buildings[0];
        var codes = building.Floors
            .SelectMany(floor => building.Stacks.Select(stack => building.UnitAt(floor, stack)))
            .OfType<int>()
            .Select(board.Cell)
            .Where(cell => cell?.Status == UnitStatus.Available)
            .Select(cell => cell!.Code)
            .Take(count)
            .ToList();
        Assert.Equal(count, codes.Count);
        return codes;
    }

    /// <summary>A display link for the demo project, made by its manager; returns the wall's path.</summary>
    public static async Task<string> CreateDisplayLinkAsync(this IServiceProvider services, string name)
    {
        var link = await services.GetRequiredService<DisplayLinkService>()
            .CreateAsync(await services.ProjectIdAsync(), name, await services.ActorAsync(BoardSteps.Manager));
        return (link ?? throw new InvalidOperationException("The demo project is missing.")).Path;
    }

    private static async Task<int> ProjectIdAsync(this IServiceProvider services)
    {
        await using var db = await services.DbAsync();
        return await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    public static Task<RealtyDbContext> DbAsync(this IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<RealtyDbContext>>().CreateDbContextAsync();
}
