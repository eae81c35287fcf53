using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Deals;

public static class DealEndpoints
{
    public static IEndpointRouteBuilder MapDealApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units/{unitId:int}").RequireAuthorization().WithTags("Deals");

        api.MapGet("/options", async Task<IResult> (int unitId, QuoteService quotes) =>
            await quotes.OptionsAsync(unitId) is { } options
                ? Results.Ok(options)
                : Results.Problem(statusCode: 404, detail: L.T("unit.notFound")));

        // GET /api/units/7/quote?scheme=1&scheme=3&plan=2
        api.MapGet("/quote", async Task<IResult> (int unitId, int[]? scheme, int? plan, QuoteService quotes, HttpContext http) =>
            await quotes.QuoteAsync(unitId, scheme ?? [], plan, http.User.ToActor()) switch
            {
                QuoteResult.Ok ok => Results.Ok(ok.Quote),
                QuoteResult.Refused refused => Results.Problem(statusCode: 400, detail: refused.Message),
                QuoteResult.NotFound notFound => Results.Problem(statusCode: 404, detail: notFound.Message),
                _ => throw new InvalidOperationException(),
            });

        return app;
    }
}
