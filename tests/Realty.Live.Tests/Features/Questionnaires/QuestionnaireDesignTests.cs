using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Questionnaires;
using Realty.Live.Web.Localization;
using static Realty.Live.Tests.Features.Questionnaires.VisitQuestionnaire;

namespace Realty.Live.Tests.Features.Questionnaires;

public sealed class QuestionnaireDesignTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private QuestionnaireService Questionnaires => _app.Service<QuestionnaireService>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AManagerDesignsQuestionsInTheOrderTheyAreAdded()
    {
        var visit = await DesignAsync(Questionnaires, _project.Id);

        var design = await Questionnaires.DesignAsync(_project.Id);
        Assert.Equal(["预算 Budget", "关注点 Concerns", "其他需求 Notes"], design.Select(q => q.Text));
        Assert.Equal([1, 2, 3], design.Select(q => q.Order));
        Assert.Equal((QuestionKind.SingleChoice, true), (visit.Budget.Kind, visit.Budget.Required));
        Assert.Equal(["300万以下", "300-500万", "500万以上"], visit.Budget.Options.Select(o => o.Text));
        Assert.Empty(visit.Notes.Options);
    }

    public static TheoryData<QuestionDraft, string, object[]> BadDrafts => new()
    {
        { new QuestionDraft("  ", QuestionKind.Text, false, []), "questionnaire.question.required", [] },
        { new QuestionDraft(new string('问', Question.MaxTextLength + 1), QuestionKind.Text, false, []), "questionnaire.question.tooLong", [Question.MaxTextLength] },
        { new QuestionDraft("预算\u0007", QuestionKind.Text, false, []), "questionnaire.question.invalid", [] },
        { new QuestionDraft("户型", QuestionKind.SingleChoice, true, Options("三房")), "questionnaire.options.tooFew", [] },
        { new QuestionDraft("户型", QuestionKind.SingleChoice, true, Options("三房", "三房 ")), "questionnaire.option.twice", ["三房"] },
        { new QuestionDraft("户型", QuestionKind.MultipleChoice, true, Options("三房", new string('房', QuestionOption.MaxTextLength + 1))), "questionnaire.option.tooLong", [QuestionOption.MaxTextLength] },
        { new QuestionDraft("户型", QuestionKind.MultipleChoice, true, Options("三房", "四\n房")), "questionnaire.option.invalid", [] },
        { new QuestionDraft("户型", QuestionKind.Text, true, Options("三房", "四房")), "questionnaire.options.notForText", [] },
        { new QuestionDraft("户型", (QuestionKind)9, true, []), "questionnaire.kind.unknown", [] },
        { new QuestionDraft("户型", QuestionKind.SingleChoice, true, Options([.. Enumerable.Range(1, Question.MaxOptions + 1).Select(i => $"选项{i}")])), "questionnaire.options.tooMany", [Question.MaxOptions] },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task ABadQuestionIsExplainedAndNothingIsSaved(QuestionDraft draft, string key, object[] args)
    {
        var message = L.T(key, args);
        var result = await Questionnaires.SaveQuestionAsync(_project.Id, null, draft, People.Chen);

        Assert.Equal(message, Assert.IsType<DesignResult.Rejected>(result).Message);
        Assert.Empty(await Questionnaires.DesignAsync(_project.Id));
    }

    [Fact]
    public async Task BlankNewOptionLinesAreIgnored()
    {
        var result = await Questionnaires.SaveQuestionAsync(_project.Id, null, new QuestionDraft("户型", QuestionKind.SingleChoice, false, Options("三房", " ", "四房", "")), People.Chen);

        Assert.Equal(["三房", "四房"], Assert.Single(Assert.IsType<DesignResult.Done>(result).Questions).Options.Select(o => o.Text));
    }

    [Fact]
    public async Task TwoQuestionsOfOneProjectCannotReadAlike()
    {
        await DesignAsync(Questionnaires, _project.Id);

        var result = await Questionnaires.SaveQuestionAsync(_project.Id, null, new QuestionDraft("预算 budget", QuestionKind.Text, false, []), People.Chen);

        Assert.Equal(L.T("questionnaire.question.taken", "预算 budget"), Assert.IsType<DesignResult.Rejected>(result).Message);
    }

    [Fact]
    public async Task AnAgentCannotDesignTheQuestionnaire()
    {
        var visit = await DesignAsync(Questionnaires, _project.Id);

        var added = await Questionnaires.SaveQuestionAsync(_project.Id, null, new QuestionDraft("户型", QuestionKind.Text, false, []), People.Wang);
        var retired = await Questionnaires.RetireAsync(visit.Budget.Id, People.Wang);

        Assert.Equal(L.T("questionnaire.managerOnly"), Assert.IsType<DesignResult.Rejected>(added).Message);
        Assert.IsType<DesignResult.Rejected>(retired);
        Assert.Equal(3, (await Questionnaires.DesignAsync(_project.Id)).Count(q => !q.Retired));
        Assert.Null(await Questionnaires.AnalysisAsync(_project.Id, People.Wang));
    }

    [Fact]
    public async Task AnOptionNobodyChoseIsRemovedButAChosenOneIsRetiredAndTheKindStays()
    {
        var visit = await DesignAsync(Questionnaires, _project.Id);
        var customer = await RegisterAsync(_app.Service<CustomerService>(), _project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await Questionnaires.AnswerAsync(customer, _project.Id, [new AnswerDraft(visit.Budget.Id, [visit.Option(visit.Budget, "500万以上")])], People.Wang);
        var low = visit.Option(visit.Budget, "300万以下");
        var middle = visit.Option(visit.Budget, "300-500万");

        var kind = await Questionnaires.SaveQuestionAsync(_project.Id, visit.Budget.Id, new QuestionDraft("预算 Budget", QuestionKind.MultipleChoice, true, []), People.Chen);
        var edited = await Questionnaires.SaveQuestionAsync(_project.Id, visit.Budget.Id,
            new QuestionDraft("预算（总价）", QuestionKind.SingleChoice, true, [new OptionDraft(middle, "300-600万"), new OptionDraft(low, "300万以下"), new OptionDraft(null, "600万以上")]), People.Chen);

        Assert.Equal(L.T("questionnaire.kind.answered", "预算 Budget"), Assert.IsType<DesignResult.Rejected>(kind).Message);
        var budget = Assert.IsType<DesignResult.Done>(edited).Questions.Single(q => q.Id == visit.Budget.Id);
        Assert.Equal(("预算（总价）", true), (budget.Text, budget.Answered));
        Assert.Equal([("300-600万", false), ("300万以下", false), ("600万以上", false), ("500万以上", true)], budget.Options.Select(o => (o.Text, o.Retired)));
    }

    [Fact]
    public async Task AnEditCannotTakeAnotherQuestionsOption()
    {
        var visit = await DesignAsync(Questionnaires, _project.Id);
        var school = visit.Option(visit.Concerns, "学区");

        var result = await Questionnaires.SaveQuestionAsync(_project.Id, visit.Budget.Id,
            new QuestionDraft("预算 Budget", QuestionKind.SingleChoice, true, [new OptionDraft(school, "学区"), new OptionDraft(null, "其他")]), People.Chen);

        Assert.Equal(L.T("questionnaire.option.unknown", "学区"), Assert.IsType<DesignResult.Rejected>(result).Message);
        await using var db = _app.Open();
        Assert.Equal(visit.Concerns.Id, (await db.Set<QuestionOption>().SingleAsync(o => o.Id == school)).QuestionId);
    }

    [Fact]
    public async Task RetiringTakesAQuestionOutOfTheOrderAndRestoringPutsItLast()
    {
        var visit = await DesignAsync(Questionnaires, _project.Id);

        var retired = Assert.IsType<DesignResult.Done>(await Questionnaires.RetireAsync(visit.Budget.Id, People.Chen)).Questions;

        Assert.Equal([("关注点 Concerns", 1, false), ("其他需求 Notes", 2, false), ("预算 Budget", 1, true)], retired.Select(q => (q.Text, q.Order, q.Retired)));

        var restored = Assert.IsType<DesignResult.Done>(await Questionnaires.RestoreAsync(visit.Budget.Id, People.Chen)).Questions;

        Assert.Equal([("关注点 Concerns", 1), ("其他需求 Notes", 2), ("预算 Budget", 3)], restored.Select(q => (q.Text, q.Order)));
    }

    [Fact]
    public async Task MovingAQuestionSwapsItWithItsNeighbourAndStopsAtTheEnds()
    {
        var visit = await DesignAsync(Questionnaires, _project.Id);

        await Questionnaires.MoveAsync(visit.Notes.Id, -1, People.Chen);
        var top = Assert.IsType<DesignResult.Done>(await Questionnaires.MoveAsync(visit.Budget.Id, -1, People.Chen)).Questions;

        Assert.Equal(["预算 Budget", "其他需求 Notes", "关注点 Concerns"], top.Select(q => q.Text));
        Assert.Equal([1, 2, 3], top.Select(q => q.Order));
    }
}
