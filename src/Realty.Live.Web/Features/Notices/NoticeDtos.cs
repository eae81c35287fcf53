using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Notices;

public sealed record NoticeTemplateView(
    int Id, string Name, NoticeKind Kind, NoticeChannel Channel, NoticeLanguage Language, string? Subject, string Body, string UpdatedBy, DateTime UpdatedAt, int Version)
{
    public static NoticeTemplateView Of(NoticeTemplate t) => new(t.Id, t.Name, t.Kind, t.Channel, t.Language, t.Subject, t.Body, t.UpdatedBy, t.UpdatedAt, t.Version);

    public NoticeTemplateEdit Edit => new(Name, Kind, Channel, Language, Subject, Body);
}

public abstract record TemplateAnswer(string Message)
{
    public sealed record Saved(NoticeTemplateView Template, string Message) : TemplateAnswer(Message);

    /// <summary>A rule broken, a name taken, or someone else saved first: nothing was written.</summary>
    public sealed record Refused(string Message) : TemplateAnswer(Message);
}

/// <summary>A customer the editor's preview can be filled for.</summary>
public sealed record SampleCustomer(int Id, string Name);

/// <summary>The customers a batch goes to: every part is optional; all customers of the project when none is set.</summary>
public sealed record NoticeAudience(int TemplateId, FunnelStage? Stage = null, string? Channel = null, string? AgentId = null);

/// <summary>
/// What a batch would send: how many, a few messages in full, and who is left out and why.
/// <see cref="CustomerIds"/> is what the manager saw; the batch is queued only if it is still so.
/// </summary>
public sealed record BatchPreview(Guid BatchId, int TemplateId, NoticeChannel Channel, int Total, IReadOnlyList<int> CustomerIds, IReadOnlyList<PlannedNotice> Samples, IReadOnlyList<SkippedCustomer> Skipped)
{
    public const int SampleCount = 5;

    public int Count => CustomerIds.Count;
}

public abstract record BatchAnswer(string Message)
{
    public sealed record Previewed(BatchPreview Preview, string Message = "") : BatchAnswer(Message);

    public sealed record Queued(int Count, string Message) : BatchAnswer(Message);

    /// <summary>The customers changed since the preview: here is the new one, to be confirmed again.</summary>
    public sealed record Changed(BatchPreview Preview, string Message) : BatchAnswer(Message);

    public sealed record Refused(string Message) : BatchAnswer(Message);
}

public sealed record OutboxView(
    int Id, NoticeChannel Channel, string Recipient, string? Subject, string Body, OutboxStatus Status, int Attempts, DateTime NextAttemptAt,
    string? LastError, DateTime CreatedAt, DateTime? SentAt, int? CustomerId, int? TemplateId)
{
    public static OutboxView Of(OutboxMessage m) => new(
        m.Id, m.Channel, m.Recipient, m.Subject, m.Body, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt, m.CustomerId, m.TemplateId);
}

public sealed record AgentChoice(string Id, string Name);
