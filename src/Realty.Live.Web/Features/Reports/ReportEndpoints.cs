using System.Globalization;
using Realty.Live.Web.Data;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Reports;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").RequireAuthorization(p => p.RequireRole(Roles.Manager)).WithTags("Reports");

        // GET /api/reports/sales.xlsx?project=1&from=2026-11-01&to=2026-11-30&period=week — the report with the
        // page's query, laid out as the page lays it out, every row up to ReportService.ExportRows.
        api.MapGet("/{report}.xlsx", async Task<IResult> (string report, ReportService reports, HttpContext http) =>
        {
            if (!ReportNames.TryParse<ReportKind>(report, out var kind))
            {
                return Results.Problem(statusCode: 404, detail: L.T("reports.unknown", report));
            }
            var answer = await reports.ViewAsync(kind, ReportQuery.Of(http.Request.Query), http.User.ToActor(), ReportService.ExportRows);
            if (answer.View is not { } view)
            {
                return Results.Problem(statusCode: 400, detail: answer.Error);
            }
            var days = ReportFilter.Takes(kind, "from")
                ? $"{view.Filter.From:yyyyMMdd}-{view.Filter.To:yyyyMMdd}"
                : view.Context.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            return Results.File(ReportSheet.Write(view), ReportSheet.ContentType, $"{kind.ToWire()}-{view.Filter.ProjectId}-{days}.xlsx");
        });

        return app;
    }
}
