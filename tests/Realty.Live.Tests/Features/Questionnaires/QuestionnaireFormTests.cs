using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Questionnaires;
using Realty.Live.Web.Localization;
using static Realty.Live.Tests.Features.Questionnaires.VisitQuestionnaire;

namespace Realty.Live.Tests.Features.Questionnaires;

public sealed class QuestionnaireFormTests : BoardComponentTest
{
    private QuestionnaireService Questionnaires => Services.GetRequiredService<QuestionnaireService>();

    [Fact]
    public async Task TheOwnerAnswersByTappingAndTypingAndSavesItAllAtOnce()
    {
        var (visit, customer) = await SetUpAsync();
        var form = await RenderFormAsync(customer);

        Tap(form, visit.Budget, "300万以下");
        Tap(form, visit.Budget, "500万以上");
        Tap(form, visit.Concerns, "学区");
        Tap(form, visit.Concerns, "景观");
        Tap(form, visit.Concerns, "学区");
        form.Find($"[data-field='answer-{visit.Notes.Id}']").Input("南向，<b>两个</b>车位");
        form.Find("[data-action='save-questionnaire']").Click();

        await form.WaitForAssertionAsync(() => Assert.Equal(L.T("questionnaire.answer.saved"), form.Find("[data-questionnaire-message='saved']").TextContent.Trim()));
        Assert.Equal("true", Option(form, visit.Budget, "500万以上").GetAttribute("aria-pressed"));
        Assert.Equal("false", Option(form, visit.Budget, "300万以下").GetAttribute("aria-pressed"));
        await using var db = Database.Open();
        var answers = await db.QuestionAnswers.Include(a => a.Choices).ToDictionaryAsync(a => a.QuestionId);
        Assert.Equal(("500万以上", "景观", "南向，<b>两个</b>车位"), (answers[visit.Budget.Id].Display, answers[visit.Concerns.Id].Display, answers[visit.Notes.Id].Display));
    }

    [Fact]
    public async Task SavedAnswersComeBackForEditing()
    {
        var (visit, customer) = await SetUpAsync();
        await Questionnaires.AnswerAsync(customer, Project.Id, [new(visit.Budget.Id, [visit.Option(visit.Budget, "300-500万")]), new(visit.Notes.Id, Text: "南向")], People.Wang);

        var form = await RenderFormAsync(customer);

        Assert.Equal("true", Option(form, visit.Budget, "300-500万").GetAttribute("aria-pressed"));
        Assert.Equal("南向", form.Find($"[data-field='answer-{visit.Notes.Id}']").GetAttribute("value") ?? form.Find($"[data-field='answer-{visit.Notes.Id}']").TextContent);
    }

    [Fact]
    public async Task AMissingRequiredAnswerIsExplainedAndNothingIsSaved()
    {
        var (visit, customer) = await SetUpAsync();
        var form = await RenderFormAsync(customer);

        Tap(form, visit.Concerns, "交通");
        form.Find("[data-action='save-questionnaire']").Click();

        await form.WaitForAssertionAsync(() => Assert.Equal(L.T("questionnaire.answer.required", "预算 Budget"), form.Find("[data-questionnaire-message='error']").TextContent.Trim()));
        Assert.Equal("true", Option(form, visit.Concerns, "交通").GetAttribute("aria-pressed"));
        await using var db = Database.Open();
        Assert.Equal(0, await db.QuestionAnswers.CountAsync());
    }

    [Fact]
    public async Task AnotherAgentIsToldWhoseCustomerItIsAndGetsNoForm()
    {
        var (_, customer) = await SetUpAsync();
        SignInAs(People.Li);

        var form = await RenderFormAsync(customer);

        Assert.Equal(L.T("ledger.notYours", People.Wang.Name), form.Find("[data-questionnaire-refused]").TextContent.Trim());
        Assert.Empty(form.FindAll("[data-question]"));
        Assert.Empty(form.FindAll("[data-action='save-questionnaire']"));
    }

    [Fact]
    public async Task MarkupInAQuestionIsShownAsText()
    {
        var (_, customer) = await SetUpAsync();
        await Questionnaires.SaveQuestionAsync(Project.Id, null, new QuestionDraft("<script>alert(1)</script>户型？", QuestionKind.Text, false, []), People.Chen);

        var form = await RenderFormAsync(customer);

        Assert.Empty(form.FindAll("script"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;户型？", form.Markup);
    }

    private async Task<(VisitQuestionnaire Visit, int Customer)> SetUpAsync()
    {
        var visit = await DesignAsync(Questionnaires, Project.Id);
        var customer = await RegisterAsync(Services.GetRequiredService<CustomerService>(), Project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        return (visit, customer);
    }

    private async Task<IRenderedComponent<QuestionnaireForm>> RenderFormAsync(int customer)
    {
        var form = Render<QuestionnaireForm>(p => p.Add(f => f.CustomerId, customer).Add(f => f.ProjectId, Project.Id));
        await form.WaitForAssertionAsync(() => Assert.Equal("true", form.Find("[data-questionnaire]").GetAttribute("data-loaded")));
        return form;
    }

    private static AngleSharp.Dom.IElement Option(IRenderedComponent<QuestionnaireForm> form, QuestionView question, string text) =>
        form.Find($"[data-question='{question.Id}'] [data-option='{question.Options.Single(o => o.Text == text).Id}']");

    private static void Tap(IRenderedComponent<QuestionnaireForm> form, QuestionView question, string text) => Option(form, question, text).Click();
}
