namespace Realty.Live.Web.Domain;

/// <summary>What a notice is for; the birthday job sends the project's birthday greetings by itself.</summary>
public enum NoticeKind
{
    /// <summary>开盘通知.</summary>
    Opening,

    /// <summary>催款提醒.</summary>
    PaymentReminder,

    Birthday,

    /// <summary>节日问候.</summary>
    Holiday,

    Other,
}

public enum NoticeChannel
{
    Email,
    Sms,
}

/// <summary>The language a template is written in: dates, amounts and stages are filled in the same one.</summary>
public enum NoticeLanguage
{
    Chinese,
    English,
}

/// <summary>
/// A message a manager writes once and sends to many customers, with merge fields such as
/// <c>{customer.name}</c> filled in for each. Every field is checked when the template is saved, so a
/// typo is caught by the person who made it and never reaches a customer.
/// </summary>
public sealed class NoticeTemplate
{
    public const int MaxNameLength = 40;
    public const int MaxSubjectLength = 150;
    public const int MaxBodyLength = 2000;

    /// <summary>Seven SMS segments of 70 Chinese characters: a longer text is a letter, not a text message.</summary>
    public const int MaxSmsLength = 490;

    private NoticeTemplate()
    {
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public NoticeKind Kind { get; private set; }

    public NoticeChannel Channel { get; private set; }

    public NoticeLanguage Language { get; private set; }

    /// <summary>The email's subject, with merge fields; none for SMS.</summary>
    public string? Subject { get; private set; }

    public string Body { get; private set; } = "";

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Bumped by every save: two managers editing one template cannot overwrite each other unseen.</summary>
    public int Version { get; private set; }

    public static NoticeTemplate Create(int projectId, NoticeTemplateEdit edit, Actor by, DateTime now)
    {
        var template = new NoticeTemplate { ProjectId = projectId };
        template.Update(edit, by, now);
        return template;
    }

    public void Update(NoticeTemplateEdit edit, Actor by, DateTime now)
    {
        var checkedEdit = Check(edit);
        (Name, Kind, Channel, Language, Subject, Body) = (checkedEdit.Name!, checkedEdit.Kind, checkedEdit.Channel, checkedEdit.Language, checkedEdit.Subject, checkedEdit.Body!);
        UpdatedBy = by.Name;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>The template's text for one customer; fields the customer has no value for are listed, not guessed.</summary>
    public RenderedNotice Render(IReadOnlyDictionary<string, string?> values) => Render(Subject, Body, values);

    public static RenderedNotice Render(string? subject, string body, IReadOnlyDictionary<string, string?> values)
    {
        var missing = new List<string>();
        // A subject is one header line: a value with a line break must not start another header.
        var renderedSubject = subject is null ? null : new string([.. NoticeText.Render(NoticeText.Parse(subject), values, missing).Select(c => char.IsControl(c) ? ' ' : c)]);
        var renderedBody = NoticeText.Render(NoticeText.Parse(body), values, missing);
        return new RenderedNotice(renderedSubject, renderedBody, [.. missing.Distinct()]);
    }

    /// <summary>Trims and checks an edit: the same rules for saving and for the editor's live preview.</summary>
    public static NoticeTemplateEdit Check(NoticeTemplateEdit edit)
    {
        var name = (edit.Name ?? "").Trim();
        if (name.Length == 0)
        {
            throw new DomainException("notice.name.required");
        }
        if (name.Length > MaxNameLength)
        {
            throw new DomainException("notice.name.tooLong", MaxNameLength);
        }
        if (name.Any(char.IsControl))
        {
            throw new DomainException("notice.name.invalid");
        }
        if (!Enum.IsDefined(edit.Kind) || !Enum.IsDefined(edit.Channel) || !Enum.IsDefined(edit.Language))
        {
            throw new DomainException("notice.kind.unknown");
        }
        string? subject = null;
        if (edit.Channel == NoticeChannel.Email)
        {
            subject = (edit.Subject ?? "").Trim();
            if (subject.Length == 0)
            {
                throw new DomainException("notice.subject.required");
            }
            if (subject.Length > MaxSubjectLength)
            {
                throw new DomainException("notice.subject.tooLong", MaxSubjectLength);
            }
            if (subject.Any(char.IsControl))
            {
                throw new DomainException("notice.subject.invalid");
            }
            NoticeText.Parse(subject);
        }
        // Line breaks are kept as typed, in the one form every mail and SMS gateway understands.
        var body = (edit.Body ?? "").Replace("\r\n", "\n").Trim();
        if (body.Length == 0)
        {
            throw new DomainException("notice.body.required");
        }
        var maxBody = edit.Channel == NoticeChannel.Sms ? MaxSmsLength : MaxBodyLength;
        if (body.Length > maxBody)
        {
            throw new DomainException("notice.body.tooLong", maxBody);
        }
        if (body.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            throw new DomainException("notice.body.invalid");
        }
        NoticeText.Parse(body);
        return edit with { Name = name, Subject = subject, Body = body };
    }
}

/// <summary>What the manager types in the template editor.</summary>
public sealed record NoticeTemplateEdit(string? Name, NoticeKind Kind, NoticeChannel Channel, NoticeLanguage Language, string? Subject, string? Body);

/// <summary>A template filled in for one customer; <see cref="Missing"/> names the fields that had no value.</summary>
public sealed record RenderedNotice(string? Subject, string Body, IReadOnlyList<string> Missing)
{
    public bool Complete => Missing.Count == 0;
}

/// <summary>The merge fields a template may use, written <c>{customer.name}</c>; <c>{{</c> and <c>}}</c> are literal braces.</summary>
public static class MergeFields
{
    public const string CustomerName = "customer.name";
    public const string CustomerMobile = "customer.mobile";
    public const string AgentName = "agent.name";
    public const string ProjectName = "project.name";
    public const string UnitCode = "unit.code";
    public const string UnitBuilding = "unit.building";
    public const string UnitArea = "unit.area";
    public const string DealStage = "deal.stage";
    public const string DealPrice = "deal.price";
    public const string DealSubscriptionNo = "deal.subscriptionNo";
    public const string DealContractNo = "deal.contractNo";
    public const string PaymentDue = "payment.due";
    public const string PaymentAmount = "payment.amount";

    public static readonly IReadOnlyList<string> All =
    [
        CustomerName, CustomerMobile, AgentName, ProjectName, UnitCode, UnitBuilding, UnitArea,
        DealStage, DealPrice, DealSubscriptionNo, DealContractNo, PaymentDue, PaymentAmount,
    ];
}

/// <summary>The text of a template cut into literal text and merge fields.</summary>
public static class NoticeText
{
    private const int MaxShownName = 30;

    public abstract record Part;

    public sealed record Literal(string Text) : Part;

    public sealed record Field(string Name) : Part;

    public static IReadOnlyList<Part> Parse(string text)
    {
        var parts = new List<Part>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{' || c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = text.IndexOf('}', i + 1);
                var name = end < 0 ? "" : text[(i + 1)..end].Trim();
                if (end < 0 || name.Contains('{'))
                {
                    throw new DomainException("notice.brace.unclosed", Excerpt(text[i..]));
                }
                if (!MergeFields.All.Contains(name))
                {
                    throw new DomainException("notice.field.unknown", Excerpt(name));
                }
                if (literal.Length > 0)
                {
                    parts.Add(new Literal(literal.ToString()));
                    literal.Clear();
                }
                parts.Add(new Field(name));
                i = end;
            }
            else if (c == '}')
            {
                throw new DomainException("notice.brace.stray", Excerpt(text[..(i + 1)], fromEnd: true));
            }
            else
            {
                literal.Append(c);
            }
        }
        if (literal.Length > 0)
        {
            parts.Add(new Literal(literal.ToString()));
        }
        return parts;
    }

    /// <summary>
    /// Values go in as they are, in one pass: a value that looks like a field or like markup stays text.
    /// A missing value leaves the field as written, so a preview shows where it was.
    /// </summary>
    public static string Render(IReadOnlyList<Part> parts, IReadOnlyDictionary<string, string?> values, List<string> missing)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            switch (part)
            {
                case Literal literal:
                    text.Append(literal.Text);
                    break;
                case Field field when values.TryGetValue(field.Name, out var value) && !string.IsNullOrWhiteSpace(value):
                    text.Append(value);
                    break;
                case Field field:
                    missing.Add(field.Name);
                    text.Append('{').Append(field.Name).Append('}');
                    break;
            }
        }
        return text.ToString();
    }

    private static string Excerpt(string text, bool fromEnd = false) =>
        text.Length <= MaxShownName ? text : fromEnd ? "…" + text[^MaxShownName..] : text[..MaxShownName] + "…";
}
