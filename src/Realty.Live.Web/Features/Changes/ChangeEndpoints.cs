using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Changes;

/// <summary>A decision on a request: the version the decider saw, and a note (required to reject).</summary>
public sealed record ChangeDecision(int ExpectedVersion, string? Note = null);

/// <summary>
/// Change requests over HTTP: an agent asks for a change of their deal, a manager approves or rejects
/// it, the agent (or a manager) may withdraw it while it waits. Managers read the inbox and the whole
/// change log; an agent reads their own requests.
/// </summary>
public static class ChangeEndpoints
{
    public static IEndpointRouteBuilder MapChangeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Changes");

        api.MapGet("/projects/{projectId:int}/changes/pending", async Task<IResult> (int projectId, ChangeService changes, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (!http.User.IsInRole(Roles.Manager))
            {
                return Results.Problem(statusCode: 403, detail: L.T("change.managerOnly"));
            }
            return await ProjectExistsAsync(dbFactory, projectId)
                ? Results.Ok(await changes.PendingAsync(projectId))
                : Results.Problem(statusCode: 404, detail: L.T("project.notFound"));
        });

        // GET /api/projects/1/changes?status=approved&kind=cancel&dealId=7 — a manager's whole log, an agent's own requests.
        api.MapGet("/projects/{projectId:int}/changes", async Task<IResult> (
            int projectId, string? status, string? kind, int? dealId, ChangeService changes, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (!http.User.CanSell())
            {
                return Results.Problem(statusCode: 403, detail: L.T("error.forbidden"));
            }
            if (status is not null && !Enum.TryParse<RequestStatus>(status, ignoreCase: true, out _))
            {
                return Results.Problem(statusCode: 400, detail: L.T("change.status.unknown", status));
            }
            if (kind is not null && !Enum.TryParse<ChangeKind>(kind, ignoreCase: true, out _))
            {
                return Results.Problem(statusCode: 400, detail: L.T("change.kind.unknown", kind));
            }
            if (!await ProjectExistsAsync(dbFactory, projectId))
            {
                return Results.Problem(statusCode: 404, detail: L.T("project.notFound"));
            }
            var actor = http.User.ToActor();
            var log = actor.IsManager ? await changes.LogAsync(projectId, dealId) : await changes.MineAsync(projectId, actor);
            return Results.Ok(log.Where(c =>
                (status is null || c.Status.Equals(status, StringComparison.OrdinalIgnoreCase)) &&
                (kind is null || c.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase)) &&
                (dealId is null || c.DealId == dealId)));
        });

        api.MapPost("/units/{unitId:int}/changes", async Task<IResult> (int unitId, [FromBody] ChangeCommand? command, ChangeService changes, UnitService units, HttpContext http) =>
        {
            if (!http.User.CanSell())
            {
                return Results.Problem(statusCode: 403, detail: L.T("error.forbidden"));
            }
            if (command is null || command.ExpectedVersion < 1)
            {
                return Results.Problem(statusCode: 400, detail: L.T("request.bodyRequired"));
            }
            var actor = http.User.ToActor();
            if (await units.GetAsync(unitId, actor) is not { } unit)
            {
                return Results.Problem(statusCode: 404, detail: L.T("unit.notFound"));
            }
            var status = Enum.Parse<UnitStatus>(unit.Status, ignoreCase: true);
            if (unit.Version != command.ExpectedVersion)
            {
                return Conflict(L.T("unit.stale", unit.Code, status));
            }
            if (unit.Deal is null)
            {
                return Conflict(L.T("change.noDeal"));
            }
            if (unit.PendingChange is not null)
            {
                return Conflict(L.T("change.alreadyPending", unit.Code));
            }
            return await changes.RequestAsync(unitId, command, actor) switch
            {
                ChangeResult.Done done => Results.Created($"/api/changes/{done.Request.Id}", done.Request),
                // Beaten to the unit by somebody else a moment ago; anything else is what was asked for.
                ChangeResult.Rejected rejected when rejected.Message == L.T("change.conflict") => Conflict(rejected.Message),
                ChangeResult.Rejected rejected => Results.Problem(statusCode: 400, detail: rejected.Message),
                _ => throw new InvalidOperationException(),
            };
        });

        api.MapGet("/changes/{requestId:int}", async Task<IResult> (int requestId, ChangeService changes, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            var actor = http.User.ToActor();
            if (await RequestAsync(dbFactory, requestId) is not { } request || (!actor.IsManager && request.RequestedById != actor.Id))
            {
                return Results.Problem(statusCode: 404, detail: L.T("change.notFound"));
            }
            return (await changes.LogAsync(request.ProjectId, request.DealId)).FirstOrDefault(v => v.Id == requestId) is { } view
                ? Results.Ok(view)
                : Results.Problem(statusCode: 404, detail: L.T("change.notFound"));
        });

        api.MapPost("/changes/{requestId:int}/approve", (int requestId, [FromBody] ChangeDecision? decision, ChangeService changes, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
            DecideAsync(requestId, decision, dbFactory, http, managerOnly: true, actor => changes.ApproveAsync(requestId, decision!.ExpectedVersion, decision.Note, actor)));

        api.MapPost("/changes/{requestId:int}/reject", (int requestId, [FromBody] ChangeDecision? decision, ChangeService changes, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
            DecideAsync(requestId, decision, dbFactory, http, managerOnly: true, actor => changes.RejectAsync(requestId, decision!.ExpectedVersion, decision.Note, actor)));

        api.MapPost("/changes/{requestId:int}/withdraw", (int requestId, [FromBody] ChangeDecision? decision, ChangeService changes, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
            DecideAsync(requestId, decision, dbFactory, http, managerOnly: false, actor => changes.WithdrawAsync(requestId, decision!.ExpectedVersion, actor)));

        return app;
    }

    /// <summary>Checks who decides and on which version before the service acts, so each refusal gets its own status.</summary>
    private static async Task<IResult> DecideAsync(
        int requestId, ChangeDecision? decision, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http, bool managerOnly, Func<Actor, Task<ChangeResult>> decide)
    {
        if (!http.User.CanSell())
        {
            return Results.Problem(statusCode: 403, detail: L.T("error.forbidden"));
        }
        if (decision is null || decision.ExpectedVersion < 1)
        {
            return Results.Problem(statusCode: 400, detail: L.T("request.bodyRequired"));
        }
        var actor = http.User.ToActor();
        if (await RequestAsync(dbFactory, requestId) is not { } request || (!actor.IsManager && request.RequestedById != actor.Id))
        {
            // Another agent's request is none of this agent's business, not even its existence.
            return Results.Problem(statusCode: 404, detail: L.T("change.notFound"));
        }
        if (managerOnly && !actor.IsManager)
        {
            return Results.Problem(statusCode: 403, detail: L.T("change.managerOnly"));
        }
        if (request.Version != decision.ExpectedVersion)
        {
            return Conflict(L.T("change.stale"));
        }
        if (request.Status != RequestStatus.Pending)
        {
            return Conflict(L.T("change.notPending", request.Status));
        }
        return await decide(actor) switch
        {
            ChangeResult.Done done => Results.Ok(done.Request),
            // The note is the decider's to fix; anything else refused is the deal or its units having moved on.
            ChangeResult.Rejected rejected when rejected.Message == L.T("change.note.required") || rejected.Message == L.T("change.note.tooLong", ChangeRequest.MaxTextLength)
                => Results.Problem(statusCode: 400, detail: rejected.Message),
            ChangeResult.Rejected rejected => Conflict(rejected.Message),
            _ => throw new InvalidOperationException(),
        };
    }

    private static async Task<RequestFacts?> RequestAsync(IDbContextFactory<RealtyDbContext> dbFactory, int requestId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.ChangeRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new RequestFacts(r.ProjectId, r.DealId, r.Status, r.Version, r.RequestedById))
            .SingleOrDefaultAsync();
    }

    private static async Task<bool> ProjectExistsAsync(IDbContextFactory<RealtyDbContext> dbFactory, int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Projects.AnyAsync(p => p.Id == projectId);
    }

    private static IResult Conflict(string message) => Results.Problem(statusCode: 409, title: "Conflict", detail: message);

    private sealed record RequestFacts(int ProjectId, int DealId, RequestStatus Status, int Version, string RequestedById);
}
