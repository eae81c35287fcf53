using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Displays;

public sealed record CreateDisplayLink(string? Name);

public sealed record CreatedDisplayLink(int Id, string Name, string Url);

public static class DisplayLinkEndpoints
{
    public static IEndpointRouteBuilder MapDisplayLinkApi(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/api/projects/{projectId:int}/display-links")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager))
            .WithTags("Display links");

        links.MapGet("/", (int projectId, DisplayLinkService service) => service.ListAsync(projectId));

        links.MapPost("/", async Task<IResult> (int projectId, CreateDisplayLink? body, DisplayLinkService service, HttpContext http) =>
        {
            try
            {
                var link = await service.CreateAsync(projectId, body?.Name ?? L.T("display.defaultName"), http.User.ToActor());
                if (link is null)
                {
                    return Results.Problem(statusCode: 404, detail: $"Project {projectId} does not exist.");
                }
                var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{link.Path}";
                return Results.Created(url, new CreatedDisplayLink(link.Id, link.Name, url));
            }
            catch (DomainException e)
            {
                return Results.Problem(statusCode: 400, detail: L.Message(e));
            }
        });

        links.MapDelete("/{linkId:int}", async Task<IResult> (int projectId, int linkId, DisplayLinkService service) =>
            await service.RevokeAsync(projectId, linkId) ? Results.NoContent() : Results.Problem(statusCode: 404, detail: L.T("display.notFound")));

        return app;
    }
}
