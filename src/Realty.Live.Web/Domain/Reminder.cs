namespace Realty.Live.Web.Domain;

public enum ReminderKind
{
    /// <summary>A subscription's signing date has passed without a contract.</summary>
    SignOverdue,

    /// <summary>A deposit ran out and the unit went back on sale.</summary>
    DepositExpired,

    /// <summary>An agent asked for a change: the managers' inbox.</summary>
    ChangeRequested,

    /// <summary>A manager decided an agent's request.</summary>
    ChangeDecided,
}

/// <summary>
/// Something a person should act on, shown under the bell. For one agent, or (no recipient) for every
/// manager. <see cref="Key"/> makes a reminder once only, whichever node's job or request writes it.
/// </summary>
public sealed class Reminder
{
    private Reminder()
    {
    }

    public Reminder(int projectId, ReminderKind kind, string key, string? recipientId, string unitCode, string? detail, DateTime now, int? dealId = null)
    {
        ProjectId = projectId;
        Kind = kind;
        Key = key;
        RecipientId = recipientId;
        UnitCode = unitCode;
        Detail = detail;
        CreatedAt = now;
        DealId = dealId;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public ReminderKind Kind { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>The agent it is for; null means every sales manager.</summary>
    public string? RecipientId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public string? Detail { get; private set; }

    public int? DealId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
