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
public sealed partial class Customer
{
    public const int MaxChannelLength = 30;
    public const int MaxWishLength = 60;
    public const decimal MaxBudget = 10_000_000_000m;

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

    /// <summary>居民身份证, kept whole for contracts; shown masked to everyone but managers.</summary>
    public string? IdNumber { get; private set; }

    public decimal? Budget { get; private set; }

    public string? WantedLayouts { get; private set; }

    public string? WantedAreas { get; private set; }

    public string? WantedFloors { get; private set; }

    public string? Family { get; private set; }

    public string? Job { get; private set; }

    /// <summary>A date in the project's calendar; before the project's today it is overdue.</summary>
    public DateOnly? NextFollowUp { get; private set; }

    public bool IsOwnedBy(Actor actor) => OwnerId == actor.Id;

    public bool IsOverdue(DateOnly today) => NextFollowUp < today;

    /// <summary>The customer is the owner's livelihood: only they and managers write to the ledger.</summary>
    public bool IsEditableBy(Actor actor) => actor.IsManager || IsOwnedBy(actor);

    /// <summary>An ID number identifies a person for life: agents, the owner too, see only its ends.</summary>
    public string? IdNumberFor(Actor viewer) => IdNumber is null || viewer.IsManager ? IdNumber : Domain.IdNumber.Mask(IdNumber);

    /// <summary>Adds an entry to the timeline; its follow-up date becomes the next one, and a follow-up without one closes it.</summary>
    public CustomerInteraction Record(InteractionEntry entry, Actor by, DateTime now, DateOnly today)
    {
        EnsureEditableBy(by);
        var interaction = CustomerInteraction.Of(this, entry, by, now, today);
        if (entry.NextFollowUp is { } next)
        {
            NextFollowUp = next;
        }
        else if (entry.Kind == InteractionKind.FollowUp)
        {
            NextFollowUp = null;
        }
        return interaction;
    }

    /// <summary>
    /// The funnel stage the customer's open real deals put them at: the furthest step of any, and once
    /// they had a deal never below Interested (a released hold still showed interest). An owner stays
    /// one: handing over the keys is a manager's call, not a deal step.
    /// </summary>
    public void FollowDeals(IEnumerable<UnitStatus> openDeals)
    {
        if (Stage == FunnelStage.Owner)
        {
            return;
        }
        var stage = openDeals.Select(StageOf).DefaultIfEmpty(FunnelStage.Interested).Max();
        if (stage != Stage)
        {
            // Two steps for one buyer committing at once must not leave the stage of the one that lost.
            (Stage, Version) = (stage, Version + 1);
        }
    }

    /// <summary>
    /// The keys are handed over (交房): the buyer of a signed unit becomes an owner (业主), the last stage of
    /// the funnel. A manager's call, because handover happens outside the sales system.
    /// </summary>
    public void MarkOwner(Actor by)
    {
        if (!by.IsManager)
        {
            throw new DomainException("ledger.owner.managersOnly");
        }
        if (Stage != FunnelStage.Signed)
        {
            throw new DomainException("ledger.owner.notSigned", Name);
        }
        (Stage, Version) = (FunnelStage.Owner, Version + 1);
    }

    /// <summary>Where a deal at this step puts its customer in the funnel.</summary>
    public static FunnelStage StageOf(UnitStatus dealStage) => dealStage switch
    {
        UnitStatus.Deposited => FunnelStage.Deposited,
        UnitStatus.Subscribed => FunnelStage.Subscribed,
        UnitStatus.Signed => FunnelStage.Signed,
        _ => FunnelStage.Interested,
    };

    public void UpdateProfile(ProfileEdit edit, Actor by)
    {
        EnsureEditableBy(by);
        // The form shows the masked number to agents: sending it back unchanged keeps the stored one.
        var idNumber = IdNumber is not null && (edit.IdNumber ?? "").Trim() == IdNumberFor(by) ? IdNumber : Domain.IdNumber.Normalise(edit.IdNumber);
        if (edit.Budget is < 0)
        {
            throw new DomainException("ledger.budget.negative");
        }
        if (edit.Budget > MaxBudget)
        {
            throw new DomainException("ledger.budget.tooLarge");
        }
        var layouts = Wish(edit.Layouts, "ledger.layouts");
        var areas = Wish(edit.Areas, "ledger.areas");
        var floors = Wish(edit.Floors, "ledger.floors");
        var family = Wish(edit.Family, "ledger.family");
        var job = Wish(edit.Job, "ledger.job");
        (IdNumber, Budget, WantedLayouts, WantedAreas, WantedFloors, Family, Job) = (idNumber, edit.Budget, layouts, areas, floors, family, job);
    }

    private void EnsureEditableBy(Actor actor)
    {
        if (!IsEditableBy(actor))
        {
            throw new DomainException("ledger.notYours", OwnerName);
        }
    }

    private static string? Wish(string? typed, string field)
    {
        var text = (typed ?? "").Trim();
        if (text.Length > MaxWishLength)
        {
            throw new DomainException(field + ".tooLong", MaxWishLength);
        }
        if (text.Any(char.IsControl))
        {
            throw new DomainException(field + ".invalid");
        }
        return text.Length == 0 ? null : text;
    }

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

    /// <summary>Bumped by every change of owner or project, so two people handing one customer around at once cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>When the owner got the customer by transfer, claim or re-assignment; null while it is still the registering agent's.</summary>
    public DateTime? OwnedSince { get; private set; }

    /// <summary>In the public pool (公共客户) since then, owned by nobody; null while an agent owns the customer.</summary>
    public DateTime? PooledAt { get; private set; }

    public bool InPool => PooledAt is not null;

    /// <summary>Gives the customer to another agent; the log row says who did it, when and why.</summary>
    public CustomerTransfer HandTo(Actor agent, TransferKind kind, Actor by, DateTime now, string? reason)
    {
        if (!InPool && IsOwnedBy(agent))
        {
            throw new DomainException("transfer.alreadyTheirs", Name, agent.Name);
        }
        var transfer = CustomerTransfer.Of(this, kind, ProjectId, agent, by, now, reason);
        (OwnerId, OwnerName, OwnedSince, PooledAt) = (agent.Id, agent.Name, now, null);
        Version++;
        return transfer;
    }

    /// <summary>Nobody followed the customer up for too long: they leave their owner for the public pool.</summary>
    public CustomerTransfer Pool(DateTime now)
    {
        if (InPool)
        {
            throw new DomainException("pool.alreadyInPool", Name);
        }
        var transfer = CustomerTransfer.Of(this, TransferKind.Pool, ProjectId, null, Actor.System, now, null);
        (OwnerId, OwnerName, OwnedSince, PooledAt) = ("", "", null, now);
        Version++;
        return transfer;
    }

    /// <summary>An agent takes a customer from the pool.</summary>
    public CustomerTransfer Claim(Actor agent, DateTime now)
    {
        if (!InPool)
        {
            throw new DomainException("pool.claimed", Name, OwnerName);
        }
        return HandTo(agent, TransferKind.Claim, agent, now, null);
    }

    /// <summary>Moves the customer, timeline and all, to another project of the developer, optionally to another agent too.</summary>
    public CustomerTransfer MoveToProject(int projectId, Actor? agent, Actor by, DateTime now, string? reason)
    {
        if (projectId == ProjectId)
        {
            throw new DomainException("transfer.sameProject");
        }
        var owner = agent ?? (InPool ? null : new Actor(OwnerId, OwnerName, IsManager: false));
        var transfer = CustomerTransfer.Of(this, TransferKind.Project, projectId, owner, by, now, reason);
        ProjectId = projectId;
        if (agent is not null)
        {
            (OwnerId, OwnerName, OwnedSince, PooledAt) = (agent.Id, agent.Name, now, null);
        }
        Version++;
        return transfer;
    }

    /// <summary>
    /// Takes in a record of the same person registered under another number: what this record does not
    /// know yet is filled from the other, the furthest stage and the nearest follow-up are kept.
    /// </summary>
    public CustomerAlias Absorb(Customer other, Actor by, DateTime now, string? note)
    {
        if (other.Id == Id || other.ProjectId != ProjectId)
        {
            throw new DomainException("merge.sameRecord");
        }
        IdNumber ??= other.IdNumber;
        Budget ??= other.Budget;
        WantedLayouts ??= other.WantedLayouts;
        WantedAreas ??= other.WantedAreas;
        WantedFloors ??= other.WantedFloors;
        Family ??= other.Family;
        Job ??= other.Job;
        Stage = other.Stage > Stage ? other.Stage : Stage;
        NextFollowUp = (NextFollowUp, other.NextFollowUp) switch
        {
            ({ } mine, { } theirs) => mine < theirs ? mine : theirs,
            (var mine, var theirs) => mine ?? theirs,
        };
        Version++;
        return CustomerAlias.Of(this, other, by, now, note);
    }
    public const int MaxEmailLength = 254;

    /// <summary>Where email notices go; optional.</summary>
    public string? Email { get; private set; }

    /// <summary>For birthday greetings; the year may be a guess, only the day is used.</summary>
    public DateOnly? Birthday { get; private set; }

    /// <summary>Email and birthday, checked before anything changes; an empty email or no birthday clears it.</summary>
    public void UpdateContact(string? email, DateOnly? birthday, Actor by, DateOnly today)
    {
        EnsureEditableBy(by);
        var address = (email ?? "").Trim();
        if (address.Length > MaxEmailLength)
        {
            throw new DomainException("customer.email.tooLong", MaxEmailLength);
        }
        if (address.Length > 0 && !EmailAddress().IsMatch(address))
        {
            throw new DomainException("customer.email.invalid", address.Length > 40 ? address[..40] + "…" : address);
        }
        if (birthday > today)
        {
            throw new DomainException("customer.birthday.future");
        }
        if (birthday < today.AddYears(-120))
        {
            throw new DomainException("customer.birthday.tooOld");
        }
        (Email, Birthday) = (address.Length == 0 ? null : address, birthday);
    }

    /// <summary>One address with a dotted domain; nothing a mail header could be split or bent with.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:"".]+$")]
    private static partial System.Text.RegularExpressions.Regex EmailAddress();
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

    /// <summary>No longer offered for new registrations; the customers who came through it keep its name.</summary>
    public bool Retired { get; set; }
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

    /// <summary>How a manager settled the attempt; null while it waits for review.</summary>
    public DuplicateResolution? Resolution { get; private set; }

    public string? ResolvedById { get; private set; }

    public string? ResolvedByName { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public string? ResolutionNote { get; private set; }

    public void Resolve(DuplicateResolution how, Actor by, DateTime now, string? note)
    {
        if (Resolution is not null)
        {
            throw new DomainException("duplicate.alreadyResolved", ResolvedByName ?? "");
        }
        if (!Enum.IsDefined(how))
        {
            throw new DomainException("duplicate.resolution.unknown");
        }
        ResolutionNote = OwnershipText.Note(note, required: false);
        (Resolution, ResolvedById, ResolvedByName, ResolvedAt) = (how, by.Id, by.Name, now);
    }
}
