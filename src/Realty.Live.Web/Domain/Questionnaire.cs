namespace Realty.Live.Web.Domain;

public enum QuestionKind
{
    /// <summary>单选: exactly one option.</summary>
    SingleChoice,

    /// <summary>多选: one or more options.</summary>
    MultipleChoice,

    /// <summary>问答: free text.</summary>
    Text,
}

/// <summary>What a manager types for a question; options without an id are new.</summary>
public sealed record QuestionDraft(string? Text, QuestionKind Kind, bool Required, IReadOnlyList<OptionDraft> Options);

public sealed record OptionDraft(int? Id, string? Text);

/// <summary>One answer as the form sends it: the chosen options for a choice, the text for a text question.</summary>
public sealed record AnswerDraft(int QuestionId, IReadOnlyList<int>? OptionIds = null, string? Text = null)
{
    public bool IsBlank => (OptionIds is null || OptionIds.Count == 0) && string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// A question of a project's visit questionnaire (到访问卷). Questions and options are never deleted once
/// answered, only retired: answers refer to them by id, and keep the option texts as they were chosen.
/// </summary>
public sealed class Question
{
    public const int MaxTextLength = 120;
    public const int MaxOptions = 20;

    private readonly List<QuestionOption> _options = [];

    private Question()
    {
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string Text { get; private set; } = "";

    public QuestionKind Kind { get; private set; }

    public bool Required { get; private set; }

    /// <summary>Position in the questionnaire, from 1.</summary>
    public int Order { get; private set; }

    /// <summary>Not asked any more; its answers stay readable and in the analysis.</summary>
    public bool Retired { get; private set; }

    public IReadOnlyList<QuestionOption> Options => _options;

    /// <param name="takenTexts">The texts of the project's other questions: two questions alike make an analysis nobody can read.</param>
    public static Question Create(int projectId, QuestionDraft draft, int order, IEnumerable<string> takenTexts)
    {
        var question = new Question { ProjectId = projectId, Order = order };
        question.Edit(draft, takenTexts, answeredOptionIds: new HashSet<int>(), answered: false);
        return question;
    }

    /// <summary>
    /// Applies the manager's edit. An option left out is retired when somebody chose it, removed otherwise; a
    /// question somebody answered keeps its kind, since its answers were given in that shape.
    /// </summary>
    public void Edit(QuestionDraft draft, IEnumerable<string> takenTexts, IReadOnlySet<int> answeredOptionIds, bool answered)
    {
        var text = Clean(draft.Text, MaxTextLength, "questionnaire.question");
        if (takenTexts.Any(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("questionnaire.question.taken", text);
        }
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new DomainException("questionnaire.kind.unknown");
        }
        if (answered && draft.Kind != Kind)
        {
            throw new DomainException("questionnaire.kind.answered", text);
        }
        var drafts = draft.Options ?? [];
        if (draft.Kind == QuestionKind.Text)
        {
            if (drafts.Any(o => !string.IsNullOrWhiteSpace(o.Text)))
            {
                throw new DomainException("questionnaire.options.notForText");
            }
            drafts = [];
        }
        else
        {
            // A blank new line is an option the manager added and did not fill in: nothing to keep.
            drafts = [.. drafts.Where(o => o.Id is not null || !string.IsNullOrWhiteSpace(o.Text))];
            if (drafts.Count < 2)
            {
                throw new DomainException("questionnaire.options.tooFew");
            }
            if (drafts.Count > MaxOptions)
            {
                throw new DomainException("questionnaire.options.tooMany", MaxOptions);
            }
        }
        var texts = drafts.Select(o => Clean(o.Text, QuestionOption.MaxTextLength, "questionnaire.option")).ToList();
        if (texts.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException("questionnaire.option.twice", twice.Key);
        }
        if (drafts.FirstOrDefault(o => o.Id is { } id && _options.All(existing => existing.Id != id)) is { } stranger)
        {
            throw new DomainException("questionnaire.option.unknown", stranger.Text ?? "");
        }
        if (drafts.Where(o => o.Id is not null).GroupBy(o => o.Id).Any(g => g.Count() > 1))
        {
            throw new DomainException("questionnaire.option.twice", "");
        }

        var kept = drafts.Where(o => o.Id is not null).Select(o => o.Id!.Value).ToHashSet();
        foreach (var left in _options.Where(o => !kept.Contains(o.Id)).ToList())
        {
            if (answeredOptionIds.Contains(left.Id))
            {
                left.Retire();
            }
            else
            {
                _options.Remove(left);
            }
        }
        for (var i = 0; i < drafts.Count; i++)
        {
            if (drafts[i].Id is { } id)
            {
                _options.Single(o => o.Id == id).Set(texts[i], i + 1);
            }
            else
            {
                _options.Add(QuestionOption.New(texts[i], i + 1));
            }
        }
        (Text, Kind, Required) = (text, draft.Kind, draft.Required);
    }

    public void Retire() => Retired = true;

    /// <param name="takenTexts">The texts of the project's active questions.</param>
    public void Restore(IEnumerable<string> takenTexts, int order)
    {
        if (takenTexts.Any(t => string.Equals(t, Text, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("questionnaire.question.taken", Text);
        }
        (Retired, Order) = (false, order);
    }

    public void MoveTo(int order) => Order = order;

    /// <summary>
    /// Checks one answer against this question and gives what is stored: the chosen options with their
    /// texts now, or the text. An option already in the customer's answer may stay even if retired since.
    /// </summary>
    public (IReadOnlyList<AnswerChoice> Choices, string? Text) Check(AnswerDraft draft, IReadOnlySet<int> alreadyChosen)
    {
        if (Retired)
        {
            throw new DomainException("questionnaire.answer.retired", Text);
        }
        if (draft.IsBlank)
        {
            return Required ? throw new DomainException("questionnaire.answer.required", Text) : ([], null);
        }
        if (Kind == QuestionKind.Text)
        {
            if (draft.OptionIds is { Count: > 0 })
            {
                throw new DomainException("questionnaire.answer.textOnly", Text);
            }
            var text = draft.Text!.Trim();
            if (text.Length > QuestionAnswer.MaxTextLength)
            {
                throw new DomainException("questionnaire.answer.tooLong", Text, QuestionAnswer.MaxTextLength);
            }
            // Line breaks and tabs are how people write; other control characters only break exports.
            if (text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
            {
                throw new DomainException("questionnaire.answer.invalid", Text);
            }
            return ([], text);
        }
        if (!string.IsNullOrWhiteSpace(draft.Text))
        {
            throw new DomainException("questionnaire.answer.choiceOnly", Text);
        }
        var ids = draft.OptionIds!.Distinct().ToList();
        if (Kind == QuestionKind.SingleChoice && ids.Count > 1)
        {
            throw new DomainException("questionnaire.answer.single", Text);
        }
        var choices = new List<AnswerChoice>();
        foreach (var id in ids)
        {
            var option = _options.SingleOrDefault(o => o.Id == id && (!o.Retired || alreadyChosen.Contains(id)))
                ?? throw new DomainException("questionnaire.answer.notAnOption", Text);
            choices.Add(new AnswerChoice(option.Id, option.Text));
        }
        return ([.. choices.OrderBy(c => _options.Single(o => o.Id == c.OptionId).Order)], null);
    }

    private static string Clean(string? typed, int max, string field)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
        {
            throw new DomainException(field + ".required");
        }
        if (text.Length > max)
        {
            throw new DomainException(field + ".tooLong", max);
        }
        if (text.Any(char.IsControl))
        {
            throw new DomainException(field + ".invalid");
        }
        return text;
    }
}

public sealed class QuestionOption
{
    public const int MaxTextLength = 60;

    private QuestionOption()
    {
    }

    public int Id { get; private set; }

    public int QuestionId { get; private set; }

    public string Text { get; private set; } = "";

    public int Order { get; private set; }

    /// <summary>No longer offered; chosen by somebody before, so kept for their answer and the counts.</summary>
    public bool Retired { get; private set; }

    internal static QuestionOption New(string text, int order) => new() { Text = text, Order = order };

    internal void Set(string text, int order) => (Text, Order, Retired) = (text, order, false);

    internal void Retire() => Retired = true;
}

/// <summary>One customer's answer to one question; edited in place when the agent corrects it.</summary>
public sealed class QuestionAnswer
{
    public const int MaxTextLength = 500;

    private readonly List<AnswerChoice> _choices = [];

    private QuestionAnswer()
    {
    }

    public int Id { get; private set; }

    public int CustomerId { get; private set; }

    public int QuestionId { get; private set; }

    public string? Text { get; private set; }

    /// <summary>The options chosen, with their texts as they read when chosen.</summary>
    public IReadOnlyList<AnswerChoice> Choices => _choices;

    public string ById { get; private set; } = "";

    public string ByName { get; private set; } = "";

    public DateTime At { get; private set; }

    public static QuestionAnswer New(int customerId, int questionId) => new() { CustomerId = customerId, QuestionId = questionId };

    public bool Set(IReadOnlyList<AnswerChoice> choices, string? text, Actor by, DateTime now)
    {
        if (text == Text && choices.Select(c => (c.OptionId, c.Text)).SequenceEqual(_choices.Select(c => (c.OptionId, c.Text))))
        {
            return false;
        }
        _choices.Clear();
        _choices.AddRange(choices);
        (Text, ById, ByName, At) = (text, by.Id, by.Name, now);
        return true;
    }

    /// <summary>The answer as one cell of a table: the option texts joined, or the text.</summary>
    public string Display => Text ?? string.Join("; ", _choices.Select(c => c.Text));
}

/// <summary>One option of a choice answer: its id for the counts, its text as chosen for reading later.</summary>
public sealed class AnswerChoice(int optionId, string text)
{
    public int OptionId { get; private set; } = optionId;

    public string Text { get; private set; } = text;
}
