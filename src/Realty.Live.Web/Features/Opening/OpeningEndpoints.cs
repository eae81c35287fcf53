using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Opening;

/// <summary>排号: a buyer registered at a desk, with the sincerity deposit taken (the project's default when left out).</summary>
public sealed record IssueTicketCommand(string? BuyerName, string? BuyerPhone, decimal? Amount = null);

/// <summary>The version of the queue number the desk saw.</summary>
public sealed record RefundTicketCommand(int ExpectedVersion);

/// <summary>叫号: how many of the next numbers to call.</summary>
public sealed record CallNumbersCommand(int Count);

/// <summary>The opening mode to switch to: off, rehearsal or live.</summary>
public sealed record OpeningModeCommand(string? Mode);

/// <summary>
/// Queue numbers and the opening day over HTTP. Agents and managers register buyers and refund their
/// deposits; only a manager calls numbers, switches the mode or wipes a rehearsal. Numbers are those of
/// the opening now running: a rehearsal's numbers while rehearsing, the real ones otherwise.
/// </summary>
public static class OpeningEndpoints
{
    public static IEndpointRouteBuilder MapOpeningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects/{projectId:int}").RequireAuthorization().WithTags("Opening");

        // GET /api/projects/1/tickets?search=138
        api.MapGet("/tickets", async Task<IResult> (int projectId, string? search, OpeningService opening, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (!http.User.CanSell())
            {
                return Forbidden();
            }
            if (!await ProjectExistsAsync(dbFactory, projectId))
            {
                return NotFound("project.notFound");
            }
            return Results.Ok((await opening.DeskTicketsAsync(projectId, http.User.ToActor(), search)).Select(t => t.Ticket));
        });

        api.MapGet("/tickets/{number:int}", async Task<IResult> (int projectId, int number, OpeningService opening, HttpContext http) =>
            !http.User.CanSell()
                ? Forbidden()
                : await FindAsync(opening, projectId, number, http.User.ToActor()) is { } ticket
                    ? Results.Ok(ticket.Ticket)
                    : Results.Problem(statusCode: 404, detail: L.T("ticket.unknown", number)));

        api.MapPost("/tickets", async Task<IResult> (int projectId, [FromBody] IssueTicketCommand? command, OpeningService opening, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (!http.User.CanSell())
            {
                return Forbidden();
            }
            if (command is null)
            {
                return Results.Problem(statusCode: 400, detail: L.T("customer.required"));
            }
            if (!await ProjectExistsAsync(dbFactory, projectId))
            {
                return NotFound("project.notFound");
            }
            return await opening.IssueAsync(projectId, command.BuyerName, command.BuyerPhone, command.Amount, http.User.ToActor()) switch
            {
                OpeningResult.Done<TicketView> done => Results.Created($"/api/projects/{projectId}/tickets/{done.Value.Number}", done.Value),
                OpeningResult.Rejected rejected => Results.Problem(statusCode: 400, detail: rejected.Message),
                _ => throw new InvalidOperationException(),
            };
        });

        api.MapPost("/tickets/{number:int}/refund", async Task<IResult> (int projectId, int number, [FromBody] RefundTicketCommand? command, OpeningService opening, HttpContext http) =>
        {
            if (!http.User.CanSell())
            {
                return Forbidden();
            }
            if (command is null || command.ExpectedVersion < 1)
            {
                return Results.Problem(statusCode: 400, detail: L.T("request.bodyRequired"));
            }
            var actor = http.User.ToActor();
            if (await FindAsync(opening, projectId, number, actor) is not { } found)
            {
                return Results.Problem(statusCode: 404, detail: L.T("ticket.unknown", number));
            }
            if (!found.Mine && !actor.IsManager)
            {
                return Results.Problem(statusCode: 403, detail: L.T("ticket.notYours", found.Ticket.AgentName));
            }
            // Whatever refuses a refund now is the number's state: refunded already, in a deal, or changed meanwhile.
            return await opening.RefundAsync(found.Ticket.Id, command.ExpectedVersion, actor) switch
            {
                OpeningResult.Done<int> => Results.Ok((await FindAsync(opening, projectId, number, actor))!.Ticket),
                OpeningResult.Rejected rejected => Results.Problem(statusCode: 409, title: "Conflict", detail: rejected.Message),
                _ => throw new InvalidOperationException(),
            };
        });

        api.MapGet("/opening", async Task<IResult> (int projectId, OpeningService opening) =>
            await opening.StateAsync(projectId) is { } state ? Results.Ok(state) : NotFound("project.notFound"));

        api.MapPost("/opening/call", async Task<IResult> (int projectId, [FromBody] CallNumbersCommand? command, OpeningService opening, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (!http.User.IsInRole(Roles.Manager))
            {
                return Results.Problem(statusCode: 403, detail: L.T("opening.managerOnly"));
            }
            if (command is null || command.Count < 1)
            {
                return Results.Problem(statusCode: 400, detail: L.T("opening.call.range"));
            }
            if (command.Count > OpeningCall.MaxBatch)
            {
                return Results.Problem(statusCode: 400, detail: L.T("opening.call.tooMany", OpeningCall.MaxBatch));
            }
            if (!await ProjectExistsAsync(dbFactory, projectId))
            {
                return NotFound("project.notFound");
            }
            // What is left to refuse is the opening's state: not open, or every number called.
            return Decided(await opening.CallNextAsync(projectId, command.Count, http.User.ToActor()));
        });

        api.MapPost("/opening/mode", async Task<IResult> (int projectId, [FromBody] OpeningModeCommand? command, OpeningService opening, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (!http.User.IsInRole(Roles.Manager))
            {
                return Results.Problem(statusCode: 403, detail: L.T("opening.managerOnly"));
            }
            // Words only: a number would name a mode by its place in a list that may change.
            if (command?.Mode is not { } text || int.TryParse(text, out _) || !Enum.TryParse<OpeningMode>(text, ignoreCase: true, out var mode))
            {
                return Results.Problem(statusCode: 400, detail: L.T("opening.mode.unknown", command?.Mode ?? ""));
            }
            if (!await ProjectExistsAsync(dbFactory, projectId))
            {
                return NotFound("project.notFound");
            }
            return Decided(await opening.SetModeAsync(projectId, mode, http.User.ToActor()));
        });

        api.MapPost("/opening/wipe", async Task<IResult> (int projectId, OpeningService opening, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (!http.User.IsInRole(Roles.Manager))
            {
                return Results.Problem(statusCode: 403, detail: L.T("opening.managerOnly"));
            }
            if (!await ProjectExistsAsync(dbFactory, projectId))
            {
                return NotFound("project.notFound");
            }
            return await opening.WipeRehearsalAsync(projectId, http.User.ToActor()) switch
            {
                OpeningResult.Done<int> done => Results.Ok(new { unitsReset = done.Value, state = await opening.StateAsync(projectId) }),
                OpeningResult.Rejected rejected => Results.Problem(statusCode: 409, title: "Conflict", detail: rejected.Message),
                _ => throw new InvalidOperationException(),
            };
        });

        return app;
    }

    private static IResult Decided(OpeningResult result) => result switch
    {
        OpeningResult.Done<OpeningState> done => Results.Ok(done.Value),
        OpeningResult.Rejected rejected => Results.Problem(statusCode: 409, title: "Conflict", detail: rejected.Message),
        _ => throw new InvalidOperationException(),
    };

    private static async Task<DeskTicket?> FindAsync(OpeningService opening, int projectId, int number, Actor viewer) =>
        (await opening.DeskTicketsAsync(projectId, viewer, number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .FirstOrDefault(t => t.Ticket.Number == number);

    private static async Task<bool> ProjectExistsAsync(IDbContextFactory<RealtyDbContext> dbFactory, int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Projects.AnyAsync(p => p.Id == projectId);
    }

    private static IResult Forbidden() => Results.Problem(statusCode: 403, detail: L.T("error.forbidden"));

    private static IResult NotFound(string key) => Results.Problem(statusCode: 404, detail: L.T(key));
}
