namespace Realty.Live.Web.Domain;

/// <summary>How a customer changed hands.</summary>
public enum TransferKind
{
    /// <summary>A manager gave the customer to another agent (e.g. the agent left).</summary>
    Agent,

    /// <summary>A manager moved the customer to another project.</summary>
    Project,

    /// <summary>Nobody followed the customer up for too long: into the public pool, owned by nobody.</summary>
    Pool,

    /// <summary>An agent took the customer from the public pool.</summary>
    Claim,

    /// <summary>A manager reviewing the duplicate log gave the customer to the agent who tried to register them.</summary>
    Reassign,

    /// <summary>Another record of the same person was merged into this one; its owner lost it.</summary>
    Merge,
}

/// <summary>How a manager settled a refused registration in the duplicate log.</summary>
public enum DuplicateResolution
{
    /// <summary>The owner keeps the customer.</summary>
    Dismissed,

    /// <summary>The customer went to the agent who tried to register them.</summary>
    Reassigned,

    /// <summary>Two records of the same person became one.</summary>
    Merged,
}

/// <summary>
/// One line of the transfer log: a customer changed owner or project. The developer, not the agent,
/// keeps every customer, so every change of hands says when, from whom, to whom, by whom and why.
/// </summary>
public sealed class CustomerTransfer
{
    private CustomerTransfer()
    {
    }

    public int Id { get; private set; }

    public int CustomerId { get; private set; }

    /// <summary>The customer's name at the time, so the line still reads after a merge or a rename.</summary>
    public string CustomerName { get; private set; } = "";

    public TransferKind Kind { get; private set; }

    public int FromProjectId { get; private set; }

    public int ToProjectId { get; private set; }

    /// <summary>Empty when the customer came from the pool.</summary>
    public string FromOwnerId { get; private set; } = "";

    public string FromOwnerName { get; private set; } = "";

    /// <summary>Empty when the customer went to the pool.</summary>
    public string ToOwnerId { get; private set; } = "";

    public string ToOwnerName { get; private set; } = "";

    public string ById { get; private set; } = "";

    public string ByName { get; private set; } = "";

    public DateTime At { get; private set; }

    /// <summary>Why: required when a manager moves customers; the pool job and claims need none.</summary>
    public string? Reason { get; private set; }

    internal static CustomerTransfer Of(Customer customer, TransferKind kind, int toProjectId, Actor? to, Actor by, DateTime now, string? reason) => new()
    {
        CustomerId = customer.Id,
        CustomerName = customer.Name,
        Kind = kind,
        FromProjectId = customer.ProjectId,
        ToProjectId = toProjectId,
        FromOwnerId = customer.OwnerId,
        FromOwnerName = customer.OwnerName,
        ToOwnerId = to?.Id ?? "",
        ToOwnerName = to?.Name ?? "",
        ById = by.Id,
        ByName = by.Name,
        At = now,
        Reason = OwnershipText.Note(reason, required: kind is TransferKind.Agent or TransferKind.Project),
    };

    /// <summary>The line a merge leaves on the kept record: the merged record's owner lost that customer.</summary>
    internal static CustomerTransfer Merged(Customer kept, Customer away, Actor by, DateTime now, string? note) => new()
    {
        CustomerId = kept.Id,
        CustomerName = away.Name,
        Kind = TransferKind.Merge,
        FromProjectId = away.ProjectId,
        ToProjectId = kept.ProjectId,
        FromOwnerId = away.OwnerId,
        FromOwnerName = away.OwnerName,
        ToOwnerId = kept.OwnerId,
        ToOwnerName = kept.OwnerName,
        ById = by.Id,
        ByName = by.Name,
        At = now,
        Reason = OwnershipText.Note(note, required: false),
    };
}

/// <summary>
/// Another mobile of a customer: the number of a record that was merged into this one. Registering
/// it again is still a duplicate of this customer, and the alias remembers what was merged, by whom.
/// </summary>
public sealed class CustomerAlias
{
    private CustomerAlias()
    {
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int CustomerId { get; private set; }

    /// <summary>Normalised, as <see cref="Customer.Mobile"/>.</summary>
    public string Mobile { get; private set; } = "";

    public string MergedName { get; private set; } = "";

    public string MergedOwnerName { get; private set; } = "";

    public DateTime MergedRegisteredAt { get; private set; }

    public string MergedById { get; private set; } = "";

    public string MergedByName { get; private set; } = "";

    public DateTime MergedAt { get; private set; }

    public string? Note { get; private set; }

    internal static CustomerAlias Of(Customer kept, Customer away, Actor by, DateTime now, string? note) => new()
    {
        ProjectId = kept.ProjectId,
        CustomerId = kept.Id,
        Mobile = away.Mobile,
        MergedName = away.Name,
        MergedOwnerName = away.OwnerName,
        MergedRegisteredAt = away.RegisteredAt,
        MergedById = by.Id,
        MergedByName = by.Name,
        MergedAt = now,
        Note = OwnershipText.Note(note, required: false),
    };
}

/// <summary>
/// A project's public-pool rule: after how many days without follow-up a customer leaves its owner,
/// and how many pool customers an agent may claim per day of the project's calendar.
/// </summary>
public sealed class PoolRule
{
    public const int MaxIdleDays = 365;
    public const int MaxClaimsPerDay = 100;

    private PoolRule()
    {
    }

    public int ProjectId { get; private set; }

    /// <summary>0: the pool is off and customers stay with their owner however long they wait.</summary>
    public int IdleDays { get; private set; }

    /// <summary>Null: no limit; 0: nobody may claim.</summary>
    public int? ClaimsPerDay { get; private set; }

    public bool IsOn => IdleDays > 0;

    public static PoolRule Off(int projectId) => new() { ProjectId = projectId };

    public void Update(int? idleDays, int? claimsPerDay)
    {
        if (idleDays is < 0 or > MaxIdleDays)
        {
            throw new DomainException("pool.idleDays.range", MaxIdleDays);
        }
        if (claimsPerDay is < 0 or > MaxClaimsPerDay)
        {
            throw new DomainException("pool.claimsPerDay.range", MaxClaimsPerDay);
        }
        (IdleDays, ClaimsPerDay) = (idleDays ?? 0, claimsPerDay);
    }

    /// <summary>
    /// The instant before which the last contact must lie for a customer to go to the pool today: the
    /// start of the project's day <see cref="IdleDays"/> − 1 days back. Contact on the 22nd with 3 days
    /// means the pool on the 25th, at midnight in the sales office, not in UTC.
    /// </summary>
    public DateTime IdleSince(Project project, DateTime utcNow)
    {
        var firstKeptDay = project.Today(utcNow).AddDays(1 - IdleDays);
        return TimeZoneInfo.ConvertTimeToUtc(firstKeptDay.ToDateTime(TimeOnly.MinValue), project.TimeZone);
    }

    /// <summary>The start of the project's today, in UTC: claims since then count against the day's limit.</summary>
    public static DateTime DayStart(Project project, DateTime utcNow) =>
        TimeZoneInfo.ConvertTimeToUtc(project.Today(utcNow).ToDateTime(TimeOnly.MinValue), project.TimeZone);
}

/// <summary>The free texts of ownership changes: reasons and notes.</summary>
public static class OwnershipText
{
    public const int MaxLength = 200;

    public static string? Note(string? typed, bool required)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
        {
            return required ? throw new DomainException("transfer.reason.required") : null;
        }
        if (text.Length > MaxLength)
        {
            throw new DomainException("transfer.reason.tooLong", MaxLength);
        }
        if (text.Any(char.IsControl))
        {
            throw new DomainException("transfer.reason.invalid");
        }
        return text;
    }
}
