using System.Net;
using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Questionnaires;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Questionnaires;

public sealed class QuestionnaireApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    [Fact]
    public async Task AManagerDownloadsTheAnalysisAndNobodyElseDoes()
    {
        using var manager = await app.ClientAsync(Manager, "en");
        using var agent = await app.ClientAsync(Wang);

        var response = await manager.GetAsync($"/api/projects/{app.ProjectId}/questionnaire.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(QuestionnaireService.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Matches($"^questionnaire-{app.ProjectId}-\\d{{8}}\\.xlsx$", response.Content.Headers.ContentDisposition?.FileName);
        var headers = new MemoryStream(await response.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single().Keys;
        // The demo project's visit questionnaire, a column per question.
        Assert.Equal(["Customer", "Agent", "Stage", "1. 购房用途", "2. 最看重的因素", "3. 其他需求"], headers);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/projects/{app.ProjectId}/questionnaire.xlsx")).StatusCode);
        Assert.Equal("This project does not exist.", await (await manager.GetAsync($"/api/projects/{app.ProjectId + 100}/questionnaire.xlsx")).DetailAsync(HttpStatusCode.NotFound));
    }
}
