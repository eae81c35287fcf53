using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Questionnaires;
using Realty.Live.Web.Localization;
using static Realty.Live.Tests.Features.Questionnaires.VisitQuestionnaire;

namespace Realty.Live.Tests.Features.Questionnaires;

public sealed class QuestionnairesPageTests : BoardComponentTest
{
    public QuestionnairesPageTests() => SignInAs(People.Chen);

    private QuestionnaireService Questionnaires => Services.GetRequiredService<QuestionnaireService>();

    [Fact]
    public async Task AManagerAddsAChoiceQuestionWithItsOptions()
    {
        var page = await RenderPageAsync();

        page.Find("[data-field='question-text']").Input("户型 Layout");
        page.Find("[data-kind-choice='multiplechoice']").Click();
        page.Find("[data-field='option-0']").Input("三房");
        page.Find("[data-field='option-1']").Input("四房");
        page.Find("[data-action='add-option']").Click();
        page.Find("[data-field='option-2']").Input("五房");
        page.Find("[data-action='save-question']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("questionnaire.saved"), page.Find("[data-design-message='saved']").TextContent.Trim()));
        var question = Assert.Single(await Questionnaires.DesignAsync(Project.Id));
        Assert.Equal(("户型 Layout", QuestionKind.MultipleChoice), (question.Text, question.Kind));
        Assert.Equal(["三房", "四房", "五房"], question.Options.Select(o => o.Text));
        Assert.Contains("户型 Layout", page.Find($"[data-design-question='{question.Id}']").TextContent);
        Assert.Equal("", page.Find("[data-field='question-text']").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task ABadQuestionIsExplainedOnThePage()
    {
        var page = await RenderPageAsync();

        page.Find("[data-field='question-text']").Input("户型");
        page.Find("[data-field='option-0']").Input("三房");
        page.Find("[data-action='save-question']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("questionnaire.options.tooFew"), page.Find("[data-design-message='error']").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-design-question]"));
    }

    [Fact]
    public async Task TheAnalysisShowsTheCountsAndOneRowPerCustomerAndRetiringMovesTheColumn()
    {
        var visit = await DesignAsync(Questionnaires, Project.Id);
        var customer = await RegisterAsync(Services.GetRequiredService<CustomerService>(), Project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await Questionnaires.AnswerAsync(customer, Project.Id, [new(visit.Budget.Id, [visit.Option(visit.Budget, "300-500万")])], People.Wang);

        var page = await RenderPageAsync();

        Assert.Equal("1", page.Find($"[data-count-option='{visit.Option(visit.Budget, "300-500万")}']").GetAttribute("data-count"));
        Assert.Equal("0", page.Find($"[data-count-option='{visit.Option(visit.Budget, "300万以下")}']").GetAttribute("data-count"));
        Assert.Equal(["300-500万", "", ""], page.FindAll($"[data-analysis-row='{customer}'] [data-cell]").Select(c => c.TextContent));

        page.Find($"[data-design-question='{visit.Budget.Id}'] [data-action='retire']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("true", page.Find($"[data-design-question='{visit.Budget.Id}']").GetAttribute("data-retired")));
        Assert.Equal(["", "", "300-500万"], page.FindAll($"[data-analysis-row='{customer}'] [data-cell]").Select(c => c.TextContent));
    }

    private async Task<IRenderedComponent<QuestionnairesPage>> RenderPageAsync()
    {
        var page = Render<QuestionnairesPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal(Project.Id.ToString(CultureInfo.InvariantCulture), page.Find("[data-questionnaires-project]").GetAttribute("data-questionnaires-project")));
        await page.WaitForElementAsync("[data-design]");
        return page;
    }
}
