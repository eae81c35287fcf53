namespace Realty.Live.Web.Domain;

public enum OutboxStatus
{
    /// <summary>Waiting for its first attempt.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <see cref="OutboxMessage.LeaseUntil"/>.</summary>
    Sending,

    /// <summary>The mail server or SMS gateway accepted it.</summary>
    Sent,

    /// <summary>The last attempt failed; tried again at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Failed too often, or refused for good: waits for a manager's "retry now".</summary>
    GaveUp,
}

/// <summary>
/// One email or text message on its way to a customer. It is written in the same transaction as what
/// caused it and leaves only when a gateway has accepted it, so nothing is lost between the two; a
/// dispatcher claims it first (status, lease and version), so two nodes never send it at once.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxKeyLength = 80;
    public const int MaxRecipientLength = 254;
    public const int MaxErrorLength = 500;
    public const int MaxSubjectLength = 600;
    public const int MaxBodyLength = 8000;

    /// <summary>The first attempt and five retries, 1, 2, 4, 8 and 16 minutes apart: about half an hour of outage is ridden out.</summary>
    public const int MaxAttempts = 6;

    /// <summary>Far longer than one delivery may take (its timeouts are 30 s): a claim older than this was lost with its node.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private OutboxMessage()
    {
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    /// <summary>Unique: what made the message (a batch and customer, a birthday and year) is never sent twice.</summary>
    public string Key { get; private set; } = "";

    public NoticeChannel Channel { get; private set; }

    /// <summary>An email address or a normalised mobile number.</summary>
    public string Recipient { get; private set; } = "";

    public string? Subject { get; private set; }

    public string Body { get; private set; } = "";

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? LeaseUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int? CustomerId { get; private set; }

    public int? TemplateId { get; private set; }

    public int Version { get; private set; }

    public static OutboxMessage Create(int projectId, string key, NoticeChannel channel, string recipient, string? subject, string body, DateTime now, int? customerId = null, int? templateId = null) => new()
    {
        ProjectId = projectId,
        Key = key,
        Channel = channel,
        Recipient = recipient,
        Subject = channel == NoticeChannel.Email ? subject : null,
        Body = body,
        Status = OutboxStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
        CustomerId = customerId,
        TemplateId = templateId,
    };

    /// <summary>Waiting and its time has come, or claimed by a dispatcher that has not been heard of since its lease ran out.</summary>
    public bool IsDue(DateTime now) =>
        Status is OutboxStatus.Pending or OutboxStatus.Failed && NextAttemptAt <= now
        || Status == OutboxStatus.Sending && LeaseUntil <= now;

    /// <summary>The wait after a failed attempt: 1, 2, 4, 8, 16 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(1 << Math.Clamp(attempts - 1, 0, 10));

    public void Claim(DateTime now)
    {
        if (!IsDue(now))
        {
            throw new DomainException("outbox.notDue");
        }
        Status = OutboxStatus.Sending;
        Attempts++;
        LeaseUntil = now + Lease;
        Version++;
    }

    public void Delivered(DateTime now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        LeaseUntil = null;
        LastError = null;
        Version++;
    }

    /// <param name="permanent">The gateway refused it for good (e.g. an unknown mailbox): trying again cannot help.</param>
    public void Failed(string error, DateTime now, bool permanent = false)
    {
        var text = new string([.. error.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        LastError = text.Length > MaxErrorLength ? text[..(MaxErrorLength - 1)] + "…" : text;
        LeaseUntil = null;
        if (permanent || Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.GaveUp;
        }
        else
        {
            Status = OutboxStatus.Failed;
            NextAttemptAt = now + Backoff(Attempts);
        }
        Version++;
    }

    /// <summary>A manager's "retry now": one more attempt at once, even after giving up.</summary>
    public void RetryNow(DateTime now)
    {
        if (Status is not (OutboxStatus.Failed or OutboxStatus.GaveUp))
        {
            throw new DomainException("outbox.retry.notFailed");
        }
        Status = OutboxStatus.Pending;
        NextAttemptAt = now;
        Version++;
    }
}
