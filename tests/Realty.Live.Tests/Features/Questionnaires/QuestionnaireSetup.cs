using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Questionnaires;

namespace Realty.Live.Tests.Features.Questionnaires;

/// <summary>
/// The visit questionnaire most tests start from: a required single choice (budget), a multiple choice
/// (what matters) and an optional text question.
/// </summary>
public sealed record VisitQuestionnaire(QuestionView Budget, QuestionView Concerns, QuestionView Notes)
{
    public const string Channel = "户外广告";

    public int Option(QuestionView question, string text) => question.Options.Single(o => o.Text == text).Id;

    public static async Task<VisitQuestionnaire> DesignAsync(QuestionnaireService service, int projectId)
    {
        await Save(service, projectId, new QuestionDraft("预算 Budget", QuestionKind.SingleChoice, true, Options("300万以下", "300-500万", "500万以上")));
        await Save(service, projectId, new QuestionDraft("关注点 Concerns", QuestionKind.MultipleChoice, false, Options("学区", "交通", "景观")));
        var all = await Save(service, projectId, new QuestionDraft("其他需求 Notes", QuestionKind.Text, false, []));
        return new VisitQuestionnaire(all[0], all[1], all[2]);
    }

    public static IReadOnlyList<OptionDraft> Options(params string[] texts) => [.. texts.Select(t => new OptionDraft(null, t))];

    public static async Task<int> RegisterAsync(CustomerService customers, int projectId, string name, string mobile, Actor agent) =>
        Assert.IsType<RegisterResult.Registered>(await customers.RegisterAsync(new RegisterCustomer(projectId, name, mobile, Channel, FirstContact.WalkIn, Confirm: true), agent)).Customer.Id;

    private static async Task<IReadOnlyList<QuestionView>> Save(QuestionnaireService service, int projectId, QuestionDraft draft) =>
        Assert.IsType<DesignResult.Done>(await service.SaveQuestionAsync(projectId, null, draft, People.Chen)).Questions;
}
