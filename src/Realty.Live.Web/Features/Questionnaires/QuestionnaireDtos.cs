using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Questionnaires;

public sealed record OptionView(int Id, string Text, bool Retired);

public sealed record QuestionView(int Id, string Text, QuestionKind Kind, bool Required, int Order, bool Retired, bool Answered, IReadOnlyList<OptionView> Options)
{
    public static QuestionView Of(Question q, bool answered) => new(
        q.Id, q.Text, q.Kind, q.Required, q.Order, q.Retired, answered,
        [.. q.Options.OrderBy(o => o.Retired).ThenBy(o => o.Order).ThenBy(o => o.Id).Select(o => new OptionView(o.Id, o.Text, o.Retired))]);
}

/// <summary>A customer's stored answer: the chosen options by id with their texts as chosen, or the text.</summary>
public sealed record AnswerView(int QuestionId, IReadOnlyList<int> OptionIds, string? Text, string Display, string ByName, DateTime At);

/// <summary>
/// What the agent fills in for one customer: the questions still asked, the answers given so far, and
/// answers to retired questions, read-only, so nothing said at an earlier visit disappears.
/// </summary>
public sealed record QuestionnaireSheet(
    int CustomerId, string CustomerName, bool CanEdit, IReadOnlyList<QuestionView> Questions, IReadOnlyList<AnswerView> Answers,
    IReadOnlyList<RetiredAnswer> Retired);

public sealed record RetiredAnswer(QuestionView Question, AnswerView Answer);

public abstract record SheetAnswer(string Message)
{
    public sealed record Found(QuestionnaireSheet Sheet, string Message = "") : SheetAnswer(Message);

    /// <summary>Unknown customer, someone else's, or a rule broken: nothing was written.</summary>
    public sealed record Refused(string Message) : SheetAnswer(Message);
}

public abstract record DesignResult(string Message)
{
    public sealed record Done(IReadOnlyList<QuestionView> Questions, string Message) : DesignResult(Message);

    public sealed record Rejected(string Message) : DesignResult(Message);
}

public sealed record OptionCount(int OptionId, string Text, bool Retired, int Count);

/// <summary>One column of the analysis: a question, how many answered it, and for choices how many chose each option.</summary>
public sealed record AnalysisColumn(int QuestionId, string Header, QuestionKind Kind, bool Retired, int Answered, IReadOnlyList<OptionCount> Counts);

public sealed record AnalysisRow(int CustomerId, string Customer, string Owner, FunnelStage Stage, IReadOnlyList<string> Cells);

/// <summary>Answers as columns (问卷分析): one row per customer who answered anything, one column per question.</summary>
public sealed record Analysis(IReadOnlyList<AnalysisColumn> Columns, IReadOnlyList<AnalysisRow> Rows);
