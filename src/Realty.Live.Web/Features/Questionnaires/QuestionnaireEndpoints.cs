using Realty.Live.Web.Data;
using Realty.Live.Web.Features.Account;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Questionnaires;

public static class QuestionnaireEndpoints
{
    public static IEndpointRouteBuilder MapQuestionnaireApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects/{projectId:int}")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager))
            .WithTags("Questionnaires");

        // The analysis table of the page, one row per customer, one column per question.
        api.MapGet("/questionnaire.xlsx", async Task<IResult> (int projectId, QuestionnaireService questionnaires, TimeProvider clock, HttpContext http) =>
            await questionnaires.ExportAsync(projectId, http.User.ToActor()) is { } sheet
                ? Results.File(sheet, QuestionnaireService.ContentType, $"questionnaire-{projectId}-{clock.GetUtcNow():yyyyMMdd}.xlsx")
                : Results.Problem(statusCode: 404, detail: L.T("project.notFound")));

        return app;
    }
}
