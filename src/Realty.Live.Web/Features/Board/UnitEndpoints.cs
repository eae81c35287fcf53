using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Board;

public sealed record ProjectSummary(int Id, string Name, string? Phase, int HoldMinutes, IReadOnlyList<string> Buildings);

public sealed record UnitListItem(
    int Id, string Code, string Building, int Floor, string Stack, string Status, int Version,
    string Layout, decimal GrossArea, decimal NetArea, string Orientation, decimal UnitPrice, decimal ListPrice);

public static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnitApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Units");

        api.MapGet("/projects", async (IDbContextFactory<RealtyDbContext> dbFactory) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return await db.Projects.AsNoTracking().OrderBy(p => p.Id)
                .Select(p => new ProjectSummary(p.Id, p.Name, p.Phase, p.HoldMinutes, p.Buildings.OrderBy(b => b.SortOrder).Select(b => b.Name).ToList()))
                .ToListAsync();
        });

        api.MapGet("/projects/{projectId:int}/units", async Task<IResult> (int projectId, IDbContextFactory<RealtyDbContext> dbFactory) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (!await db.Projects.AnyAsync(p => p.Id == projectId))
            {
                return Results.Problem(statusCode: 404, detail: $"Project {projectId} does not exist.");
            }
            var units = await db.Units.AsNoTracking().Where(u => u.ProjectId == projectId)
                .OrderBy(u => u.Building!.SortOrder).ThenByDescending(u => u.Floor).ThenBy(u => u.Stack)
                .Select(u => new { u.Id, u.Code, Building = u.Building!.Name, u.Floor, u.Stack, u.Status, u.Version, Layout = u.Layout!.Code, u.GrossArea, u.NetArea, u.Orientation, u.UnitPrice, u.ListPrice })
                .ToListAsync();
            return Results.Ok(units.Select(u => new UnitListItem(u.Id, u.Code, u.Building, u.Floor, u.Stack, u.Status.ToWire(), u.Version, u.Layout, u.GrossArea, u.NetArea, u.Orientation, u.UnitPrice, u.ListPrice)));
        });

        api.MapGet("/units/{unitId:int}", async Task<IResult> (int unitId, UnitService units, HttpContext http) =>
            await units.GetAsync(unitId, http.User.ToActor()) is { } unit
                ? Results.Ok(unit)
                : Results.Problem(statusCode: 404, detail: L.T("unit.notFound")));

        api.MapPost("/units/{unitId:int}/{action}", async Task<IResult> (int unitId, string action, [FromBody] UnitCommand? command, UnitService units, ActionThrottle throttle, HttpContext http) =>
        {
            if (!UnitStatusNames.TryParseAction(action, out var unitAction))
            {
                return Results.Problem(statusCode: 404, detail: L.T("action.unknown", action));
            }
            if (!http.User.CanSell() || (Unit.IsManagerOnly(unitAction) && !http.User.IsInRole(Roles.Manager)))
            {
                return Results.Problem(statusCode: 403, detail: L.T("error.forbidden"));
            }
            // Versions start at 1: a body without one is a malformed command, not somebody else's change.
            if (command is null || command.ExpectedVersion < 1)
            {
                return Results.Problem(statusCode: 400, detail: L.T("request.bodyRequired"));
            }
            var actor = http.User.ToActor();
            if (throttle.Refusal(actor, command) is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: 429, title: "Too many requests", detail: wait.Message);
            }
            return await units.ExecuteAsync(unitId, unitAction, command, actor) switch
            {
                CommandResult.Done done => Results.Ok(done.Unit),
                CommandResult.Conflict conflict => Results.Problem(
                    statusCode: 409,
                    title: "Conflict",
                    detail: conflict.Message,
                    extensions: new Dictionary<string, object?> { ["unit"] = conflict.Current, ["similar"] = conflict.Similar }),
                CommandResult.Rejected rejected => Results.Problem(statusCode: 400, detail: rejected.Message),
                CommandResult.NotFound notFound => Results.Problem(statusCode: 404, detail: notFound.Message),
                _ => throw new InvalidOperationException(),
            };
        });

        return app;
    }
}
