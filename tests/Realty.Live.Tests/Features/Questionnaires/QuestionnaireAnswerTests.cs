using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Questionnaires;
using Realty.Live.Web.Localization;
using static Realty.Live.Tests.Features.Questionnaires.VisitQuestionnaire;

namespace Realty.Live.Tests.Features.Questionnaires;

public sealed class QuestionnaireAnswerTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private VisitQuestionnaire _visit = default!;
    private int _zhang;

    private QuestionnaireService Questionnaires => _app.Service<QuestionnaireService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        _visit = await DesignAsync(Questionnaires, _project.Id);
        _zhang = await RegisterAsync(_app.Service<CustomerService>(), _project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheOwnerAnswersEveryQuestionAtOnce()
    {
        var result = await AnswerAsync(People.Wang, Budget("300-500万"), Concerns("景观", "学区"), Notes("  想要南向，<b>两个</b>车位\n越快越好 "));

        var sheet = Assert.IsType<SheetAnswer.Found>(result).Sheet;
        Assert.Equal(L.T("questionnaire.answer.saved"), result.Message);
        var answers = sheet.Answers.ToDictionary(a => a.QuestionId);
        Assert.Equal("300-500万", answers[_visit.Budget.Id].Display);
        // Chosen options read in the question's order, whatever order they were tapped in.
        Assert.Equal("学区; 景观", answers[_visit.Concerns.Id].Display);
        Assert.Equal("想要南向，<b>两个</b>车位\n越快越好", answers[_visit.Notes.Id].Text);
        Assert.All(sheet.Answers, a => Assert.Equal((People.Wang.Name, Moments.Start), (a.ByName, a.At)));
    }

    [Fact]
    public async Task AnswersAreEditedLaterAndABlankOptionalAnswerIsCleared()
    {
        await AnswerAsync(People.Wang, Budget("300-500万"), Concerns("交通"), Notes("南向"));
        _app.Clock.Advance(TimeSpan.FromDays(3));

        var result = await AnswerAsync(People.Chen, Budget("500万以上"), Concerns(), Notes(" "));

        var answer = Assert.Single(Assert.IsType<SheetAnswer.Found>(result).Sheet.Answers);
        Assert.Equal((_visit.Budget.Id, "500万以上", People.Chen.Name, Moments.Start.AddDays(3)), (answer.QuestionId, answer.Display, answer.ByName, answer.At));
        await using var db = _app.Open();
        Assert.Equal(1, await db.QuestionAnswers.CountAsync());
        Assert.Equal(1, await db.QuestionAnswers.SelectMany(a => a.Choices).CountAsync());
    }

    public static TheoryData<string, string, object[]> BadAnswers => new()
    {
        { "missingRequired", "questionnaire.answer.required", ["预算 Budget"] },
        { "twoForSingle", "questionnaire.answer.single", ["预算 Budget"] },
        { "otherQuestionsOption", "questionnaire.answer.notAnOption", ["预算 Budget"] },
        { "textTooLong", "questionnaire.answer.tooLong", ["其他需求 Notes", QuestionAnswer.MaxTextLength] },
        { "controlCharacter", "questionnaire.answer.invalid", ["其他需求 Notes"] },
        { "textForChoice", "questionnaire.answer.choiceOnly", ["关注点 Concerns"] },
        { "optionForText", "questionnaire.answer.textOnly", ["其他需求 Notes"] },
        { "twice", "questionnaire.answer.twice", ["关注点 Concerns"] },
        { "unknownQuestion", "questionnaire.answer.unknownQuestion", [99_999] },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task OneBadAnswerIsExplainedAndNoneOfTheOthersIsSaved(string bad, string key, object[] args)
    {
        await AnswerAsync(People.Wang, Budget("300万以下"));
        var other = _visit.Option(_visit.Concerns, "交通");
        AnswerDraft[] answers = bad switch
        {
            "missingRequired" => [Concerns("交通"), Notes("南向")],
            "twoForSingle" => [new(_visit.Budget.Id, [_visit.Option(_visit.Budget, "300万以下"), _visit.Option(_visit.Budget, "500万以上")]), Concerns("交通")],
            "otherQuestionsOption" => [new(_visit.Budget.Id, [other]), Concerns("交通")],
            "textTooLong" => [Budget("500万以上"), Concerns("交通"), Notes(new string('字', QuestionAnswer.MaxTextLength + 1))],
            "controlCharacter" => [Budget("500万以上"), Concerns("交通"), Notes("南向\u001b[31m")],
            "textForChoice" => [Budget("500万以上"), new(_visit.Concerns.Id, Text: "交通")],
            "optionForText" => [Budget("500万以上"), new(_visit.Notes.Id, [other])],
            "twice" => [Budget("500万以上"), Concerns("交通"), Concerns("学区")],
            _ => [Budget("500万以上"), Concerns("交通"), new(99_999, Text: "?")],
        };

        var result = await Questionnaires.AnswerAsync(_zhang, _project.Id, answers, People.Wang);

        Assert.Equal(L.T(key, args), Assert.IsType<SheetAnswer.Refused>(result).Message);
        await using var db = _app.Open();
        var stored = await db.QuestionAnswers.Include(a => a.Choices).SingleAsync();
        Assert.Equal((_visit.Budget.Id, "300万以下"), (stored.QuestionId, stored.Display));
    }

    [Fact]
    public async Task AnotherAgentCanNeitherReadNorAnswerTheQuestionnaire()
    {
        var read = await Questionnaires.SheetAsync(_zhang, _project.Id, People.Li);
        var answered = await AnswerAsync(People.Li, Budget("300万以下"));

        Assert.Equal(L.T("ledger.notYours", People.Wang.Name), Assert.IsType<SheetAnswer.Refused>(read).Message);
        Assert.Equal(L.T("ledger.notYours", People.Wang.Name), Assert.IsType<SheetAnswer.Refused>(answered).Message);
        await using var db = _app.Open();
        Assert.Equal(0, await db.QuestionAnswers.CountAsync());
    }

    [Fact]
    public async Task ACustomerOfAnotherProjectIsNotFoundThroughThisOne()
    {
        var other = await _app.SeedAsync(ProjectBuilder.AProject().WithBuilding("9#", 2, ("01", "A")));

        var result = await Questionnaires.SheetAsync(_zhang, other.Id, People.Wang);

        Assert.Equal(L.T("ledger.notFound"), Assert.IsType<SheetAnswer.Refused>(result).Message);
    }

    [Fact]
    public async Task AnswersStayReadableAfterTheManagerRenamesAnOptionAndRetiresTheQuestion()
    {
        await AnswerAsync(People.Wang, Budget("300-500万"), Concerns("景观"));
        var middle = _visit.Option(_visit.Budget, "300-500万");
        await Questionnaires.SaveQuestionAsync(_project.Id, _visit.Concerns.Id,
            new QuestionDraft("关注点 Concerns", QuestionKind.MultipleChoice, false, Options("学区", "交通")), People.Chen);
        await Questionnaires.SaveQuestionAsync(_project.Id, _visit.Budget.Id,
            new QuestionDraft("预算 Budget", QuestionKind.SingleChoice, true, [new OptionDraft(middle, "300-600万"), new OptionDraft(null, "600万以上")]), People.Chen);
        await Questionnaires.RetireAsync(_visit.Concerns.Id, People.Chen);

        var sheet = Assert.IsType<SheetAnswer.Found>(await Questionnaires.SheetAsync(_zhang, _project.Id, People.Wang)).Sheet;

        // The answer keeps the words the customer chose; the retired question's answer is shown apart.
        Assert.Equal("300-500万", Assert.Single(sheet.Answers).Display);
        var earlier = Assert.Single(sheet.Retired);
        Assert.Equal(("关注点 Concerns", "景观"), (earlier.Question.Text, earlier.Answer.Display));
        Assert.DoesNotContain(sheet.Questions, q => q.Id == _visit.Concerns.Id);
    }

    [Fact]
    public async Task AChosenOptionRetiredSinceMayStayButNotBeChosenAnew()
    {
        await AnswerAsync(People.Wang, Budget("500万以上"));
        var keep = _visit.Budget.Options.Where(o => o.Text != "500万以上").Select(o => new OptionDraft(o.Id, o.Text)).ToList();
        await Questionnaires.SaveQuestionAsync(_project.Id, _visit.Budget.Id, new QuestionDraft("预算 Budget", QuestionKind.SingleChoice, true, keep), People.Chen);
        var other = await RegisterAsync(_app.Service<CustomerService>(), _project.Id, Customers.ZhaoName, Customers.ZhaoPhone, People.Wang);

        var kept = await AnswerAsync(People.Wang, Budget("500万以上"), Notes("再看看"));
        var fresh = await Questionnaires.AnswerAsync(other, _project.Id, [Budget("500万以上")], People.Wang);

        Assert.IsType<SheetAnswer.Found>(kept);
        Assert.Equal(L.T("questionnaire.answer.notAnOption", "预算 Budget"), Assert.IsType<SheetAnswer.Refused>(fresh).Message);
    }

    private Task<SheetAnswer> AnswerAsync(Actor by, params AnswerDraft[] answers) => Questionnaires.AnswerAsync(_zhang, _project.Id, answers, by);

    private AnswerDraft Budget(string option) => new(_visit.Budget.Id, [_visit.Option(_visit.Budget, option)]);

    private AnswerDraft Concerns(params string[] options) => new(_visit.Concerns.Id, [.. options.Select(o => _visit.Option(_visit.Concerns, o))]);

    private AnswerDraft Notes(string text) => new(_visit.Notes.Id, Text: text);
}
