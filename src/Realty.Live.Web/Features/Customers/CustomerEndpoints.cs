using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Features.Pricing;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Customers;

/// <summary>What a script sends to register a customer; confirm registers a possible duplicate of the same name.</summary>
public sealed record RegisterCustomerRequest(string? Name, string? Mobile, string? Channel, FirstContact FirstContact = FirstContact.WalkIn, bool Confirm = false);

public static class CustomerEndpoints
{
    public static IEndpointRouteBuilder MapCustomerApi(this IEndpointRouteBuilder app)
    {
        // Customers are the sales floor's: agents and managers, nobody else.
        var api = app.MapGroup("/api").RequireAuthorization(p => p.RequireRole(Roles.Agent, Roles.Manager)).WithTags("Customers");

        // GET /api/projects/1/customers?text=张&stage=potential&channel=路过 — agents their own, managers all; phones masked as for the viewer.
        api.MapGet("/projects/{projectId:int}/customers", async Task<IResult> (
            int projectId, string? text, string? stage, string? channel, CustomerService customers, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (!TryStage(stage, out var funnel))
            {
                return Results.Problem(statusCode: 400, detail: L.T("customer.api.stageUnknown", stage));
            }
            if (!await ProjectExistsAsync(dbFactory, projectId))
            {
                return Results.Problem(statusCode: 404, detail: L.T("project.notFound"));
            }
            return Results.Ok(await customers.ListAsync(projectId, new CustomerFilter(text, funnel, channel), http.User.ToActor()));
        });

        api.MapPost("/projects/{projectId:int}/customers", async Task<IResult> (
            int projectId, [FromBody] RegisterCustomerRequest? body, CustomerService customers, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            if (body is null)
            {
                return Results.Problem(statusCode: 400, detail: L.T("customer.api.bodyRequired"));
            }
            if (!await ProjectExistsAsync(dbFactory, projectId))
            {
                return Results.Problem(statusCode: 404, detail: L.T("project.notFound"));
            }
            var command = new RegisterCustomer(projectId, body.Name, body.Mobile, body.Channel, body.FirstContact, body.Confirm);
            return await customers.RegisterAsync(command, http.User.ToActor()) switch
            {
                RegisterResult.Registered registered => Results.Created($"/api/customers/{registered.Customer.Id}", registered.Customer),
                RegisterResult.Duplicate duplicate => Results.Problem(statusCode: 409, title: "Duplicate", detail: duplicate.Message,
                    extensions: new Dictionary<string, object?> { ["owner"] = duplicate.Existing.OwnerName, ["existing"] = duplicate.Existing }),
                RegisterResult.PossibleDuplicate possible => Results.Problem(statusCode: 409, title: "Possible duplicate", detail: possible.Message,
                    extensions: new Dictionary<string, object?> { ["matches"] = possible.Matches }),
                RegisterResult.Rejected rejected => Results.Problem(statusCode: 400, detail: rejected.Message),
                _ => throw new InvalidOperationException(),
            };
        });

        // The ledger: the owner and managers only.
        api.MapGet("/customers/{customerId:int}", async Task<IResult> (int customerId, CustomerService customers, LedgerService ledgers, HttpContext http) =>
        {
            var viewer = http.User.ToActor();
            if (await RefusalAsync(customers, customerId, viewer) is { } refused)
            {
                return refused;
            }
            return await ledgers.LedgerAsync(customerId, viewer) switch
            {
                LedgerAnswer.Found found => Results.Ok(found.Ledger),
                var other => Results.Problem(statusCode: 403, detail: other.Message),
            };
        });

        api.MapPost("/customers/{customerId:int}/interactions", async Task<IResult> (
            int customerId, [FromBody] InteractionEntry? entry, CustomerService customers, LedgerService ledgers, HttpContext http) =>
        {
            if (entry is null)
            {
                return Results.Problem(statusCode: 400, detail: L.T("customer.api.bodyRequired"));
            }
            var by = http.User.ToActor();
            if (await RefusalAsync(customers, customerId, by) is { } refused)
            {
                return refused;
            }
            return await ledgers.AddInteractionAsync(customerId, entry, by) switch
            {
                LedgerAnswer.Found found => Results.Ok(found.Ledger),
                var other => Results.Problem(statusCode: 400, detail: other.Message),
            };
        });

        api.MapGet("/projects/{projectId:int}/customers.xlsx", async Task<IResult> (
            int projectId, string? text, string? stage, string? channel, CustomerExport export, TimeProvider clock, HttpContext http) =>
        {
            if (!TryStage(stage, out var funnel))
            {
                return Results.Problem(statusCode: 400, detail: L.T("customer.api.stageUnknown", stage));
            }
            return await export.ExportAsync(projectId, new CustomerFilter(text, funnel, channel), http.User.ToActor()) is { } sheet
                ? Results.File(sheet, PriceSheet.ContentType, $"customers-{projectId}-{clock.GetUtcNow():yyyyMMdd}.xlsx")
                : Results.Problem(statusCode: 404, detail: L.T("project.notFound"));
        });

        return app;
    }

    private static bool TryStage(string? text, out FunnelStage? stage)
    {
        stage = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        // Names only: Enum.TryParse would also take "7", a stage that does not exist.
        foreach (var value in Enum.GetValues<FunnelStage>())
        {
            if (string.Equals(value.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stage = value;
                return true;
            }
        }
        return false;
    }

    private static async Task<bool> ProjectExistsAsync(IDbContextFactory<RealtyDbContext> dbFactory, int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Projects.AnyAsync(p => p.Id == projectId);
    }

    /// <summary>404 for no such customer, 403 for another agent's; null for the owner or a manager.</summary>
    private static async Task<IResult?> RefusalAsync(CustomerService customers, int customerId, Actor viewer) =>
        await customers.GetAsync(customerId, viewer) switch
        {
            null => Results.Problem(statusCode: 404, detail: L.T("ledger.notFound")),
            { Mine: false } customer when !viewer.IsManager => Results.Problem(statusCode: 403, detail: L.T("ledger.notYours", customer.OwnerName)),
            _ => null,
        };
}
