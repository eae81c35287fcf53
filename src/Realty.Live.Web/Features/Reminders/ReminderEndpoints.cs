using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Reminders;

/// <summary>The bell's count and its latest reminders, unread first.</summary>
public sealed record ReminderList(int Unread, IReadOnlyList<ReminderView> Items);

/// <summary>Marks one reminder read, or (no id) every reminder of the caller.</summary>
public sealed record MarkReadCommand(int? Id = null);

public static class ReminderEndpoints
{
    public static IEndpointRouteBuilder MapReminderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reminders").RequireAuthorization().WithTags("Reminders");

        api.MapGet("/", async (ReminderService reminders, HttpContext http) =>
        {
            var viewer = http.User.ToActor();
            return new ReminderList(await reminders.UnreadAsync(viewer), await reminders.ListAsync(viewer));
        });

        api.MapPost("/read", async Task<IResult> ([FromBody] MarkReadCommand? command, ReminderService reminders, IDbContextFactory<RealtyDbContext> dbFactory, HttpContext http) =>
        {
            var viewer = http.User.ToActor();
            if (command?.Id is { } id)
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                // Somebody else's reminder is not found, as if it did not exist.
                if (!await db.Reminders.AnyAsync(r => r.Id == id && (r.RecipientId == viewer.Id || (viewer.IsManager && r.RecipientId == null))))
                {
                    return Results.Problem(statusCode: 404, detail: L.T("reminder.notFound"));
                }
            }
            await reminders.MarkReadAsync(viewer, command?.Id);
            return Results.Ok(new ReminderList(await reminders.UnreadAsync(viewer), await reminders.ListAsync(viewer)));
        });

        return app;
    }
}
