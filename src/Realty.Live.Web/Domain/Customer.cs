namespace Realty.Live.Web.Domain;

/// <summary>How the customer first came to the sales office.</summary>
public enum FirstContact
{
    /// <summary>来访: walked into the sales office.</summary>
    WalkIn,

    /// <summary>来电: phoned in.</summary>
    Call,
}

/// <summary>Where a customer is on the way from first visit to owning a unit, in order.</summary>
public enum FunnelStage
{
    Potential,
    Interested,
    Deposited,
    Subscribed,
    Signed,
    Owner,
}

/// <summary>
/// A buyer registered with a project. The mobile is the identity: within a project one mobile is one
/// customer, and whoever registered it first owns it (防撞单).
/// </summary>
public sealed class Customer
{
    public const int MaxChannelLength = 30;

    private Customer()
    {
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Normalised: 11 digits for the mainland, E.164 for other countries.</summary>
    public string Mobile { get; private set; } = "";

    /// <summary>来源渠道, one of the project's channels.</summary>
    public string Channel { get; private set; } = "";

    public FirstContact FirstContact { get; private set; }

    public FunnelStage Stage { get; private set; }

    public string OwnerId { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    public DateTime RegisteredAt { get; private set; }

    public bool IsOwnedBy(Actor actor) => OwnerId == actor.Id;

    /// <summary>Managers and the owner see the full number; everyone else enough of it to recognise it.</summary>
    public bool ShowsPhoneTo(Actor viewer) => viewer.IsManager || IsOwnedBy(viewer);

    public static Customer Register(int projectId, CustomerContact contact, string? channel, IReadOnlyCollection<string> channels, FirstContact firstContact, Actor agent, DateTime now)
    {
        var chosen = (channel ?? "").Trim();
        if (chosen.Length == 0)
        {
            throw new DomainException("customer.channel.required");
        }
        if (!channels.Contains(chosen))
        {
            throw new DomainException("customer.channel.unknown", chosen.Length > MaxChannelLength ? chosen[..MaxChannelLength] + "…" : chosen);
        }
        if (!Enum.IsDefined(firstContact))
        {
            throw new DomainException("customer.firstContact.unknown");
        }
        return new Customer
        {
            ProjectId = projectId,
            Name = contact.Name,
            Mobile = contact.Phone,
            Channel = chosen,
            FirstContact = firstContact,
            Stage = FunnelStage.Potential,
            OwnerId = agent.Id,
            OwnerName = agent.Name,
            RegisteredAt = now,
        };
    }
}

/// <summary>A project's list of customer channels (来源渠道), in the order the register form offers them.</summary>
public sealed class ProjectChannel
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public required string Name { get; set; }

    public int Order { get; set; }

    /// <summary>What a project offers until its manager sets its own list.</summary>
    public static readonly IReadOnlyList<string> Defaults = ["户外广告", "网络推广", "朋友介绍", "老带新", "路过", "电话营销"];
}

/// <summary>
/// An agent tried to register a mobile that was already another agent's customer: kept for managers
/// to review, because two agents claiming one buyer is where commissions are fought over.
/// </summary>
public sealed class DuplicateAttempt
{
    private DuplicateAttempt()
    {
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int CustomerId { get; private set; }

    public string AttemptedById { get; private set; } = "";

    public string AttemptedByName { get; private set; } = "";

    public DateTime AttemptedAt { get; private set; }

    /// <summary>The name the second agent typed, which may differ from the registered one.</summary>
    public string TypedName { get; private set; } = "";

    public static DuplicateAttempt Of(Customer customer, CustomerContact typed, Actor agent, DateTime now) => new()
    {
        ProjectId = customer.ProjectId,
        CustomerId = customer.Id,
        AttemptedById = agent.Id,
        AttemptedByName = agent.Name,
        AttemptedAt = now,
        TypedName = typed.Name,
    };
}
