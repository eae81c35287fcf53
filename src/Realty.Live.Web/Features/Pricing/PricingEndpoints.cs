using Realty.Live.Web.Data;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Pricing;

public static class PricingEndpoints
{
    public static IEndpointRouteBuilder MapPricingApi(this IEndpointRouteBuilder app)
    {
        var prices = app.MapGroup("/api/projects/{projectId:int}")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager))
            .WithTags("Prices");

        prices.MapGet("/prices.xlsx", async Task<IResult> (int projectId, PriceService service, TimeProvider clock) =>
            await service.ExportAsync(projectId) is { } sheet
                ? Results.File(sheet, PriceSheet.ContentType, $"prices-{projectId}-{clock.GetUtcNow():yyyyMMdd}.xlsx")
                : Results.Problem(statusCode: 404, detail: L.T("project.notFound")));

        // POST a multipart form with the sheet in "file": 200 with the report when applied (or nothing
        // needed changing), 400 with the report when any row is bad and nothing was applied.
        prices.MapPost("/prices", async Task<IResult> (int projectId, IFormFile? file, PriceService service, HttpContext http) =>
        {
            if (file is null || file.Length == 0)
            {
                return Results.Problem(statusCode: 400, detail: L.T("pricing.import.noFile"));
            }
            if (file.Length > PriceSheet.MaxFileBytes)
            {
                return Results.Problem(statusCode: 400, detail: L.T("pricing.import.tooLarge", PriceSheet.MaxFileBytes / 1024 / 1024));
            }
            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            stream.Position = 0;
            var report = await service.ImportPricesAsync(projectId, stream, http.User.ToActor());
            return report.Accepted ? Results.Ok(report) : Results.BadRequest(report);
        })
        // An API for scripts and bearer tokens; the identity cookie is SameSite=Lax, so another site
        // cannot post a form with it, which is what an antiforgery token would guard against.
        .DisableAntiforgery();

        return app;
    }
}
