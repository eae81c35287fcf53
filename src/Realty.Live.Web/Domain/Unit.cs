namespace Realty.Live.Web.Domain;

/// <summary>
/// One sellable unit and the sales-control state machine. Every transition bumps
/// <see cref="Version"/> (the optimistic-lock token) and returns the event row to store with it.
/// </summary>
public sealed class Unit
{
    public const int MaxReasonLength = 200;

    private readonly List<Deal> _deals = [];

    public int Id { get; set; }

    public int ProjectId { get; set; }

    public int BuildingId { get; set; }

    public Building? Building { get; set; }

    /// <summary>Building, floor and stack, e.g. "1#-1203".</summary>
    public required string Code { get; set; }

    public int Floor { get; set; }

    /// <summary>The position on the floor, e.g. "03".</summary>
    public required string Stack { get; set; }

    public int LayoutId { get; set; }

    public Layout? Layout { get; set; }

    public decimal GrossArea { get; set; }

    public decimal NetArea { get; set; }

    public required string Orientation { get; set; }

    /// <summary>List price per m² of gross area.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>List price of the whole unit (表价).</summary>
    public decimal ListPrice { get; set; }

    /// <summary>The lowest total an agent may give without approval (底价).</summary>
    public decimal FloorPrice { get; set; }

    public UnitStatus Status { get; private set; } = UnitStatus.Unreleased;

    public int Version { get; private set; } = 1;

    public DateTime StatusChangedAt { get; private set; }

    public string? StatusChangedBy { get; private set; }

    public DateTime? HoldExpiresAt { get; private set; }

    public string? WithheldReason { get; private set; }

    /// <summary>Deals of this unit as loaded; the services load the live one only.</summary>
    public IReadOnlyCollection<Deal> Deals => _deals;

    public Deal? LiveDeal => _deals.SingleOrDefault(d => d.IsLive);

    private static readonly Dictionary<UnitAction, UnitStatus[]> AllowedFrom = new()
    {
        [UnitAction.Publish] = [UnitStatus.Unreleased],
        [UnitAction.Withdraw] = [UnitStatus.Available],
        [UnitAction.Withhold] = [UnitStatus.Available],
        [UnitAction.Unwithhold] = [UnitStatus.Withheld],
        [UnitAction.Hold] = [UnitStatus.Available],
        [UnitAction.Release] = [UnitStatus.Held, UnitStatus.Deposited],
        [UnitAction.Deposit] = [UnitStatus.Available, UnitStatus.Held],
        [UnitAction.Subscribe] = [UnitStatus.Available, UnitStatus.Held, UnitStatus.Deposited],
        [UnitAction.Sign] = [UnitStatus.Available, UnitStatus.Held, UnitStatus.Deposited, UnitStatus.Subscribed],
        [UnitAction.Expire] = [UnitStatus.Held],
    };

    private static readonly HashSet<UnitAction> ManagerOnly =
        [UnitAction.Publish, UnitAction.Withdraw, UnitAction.Withhold, UnitAction.Unwithhold];

    public static bool IsManagerOnly(UnitAction action) => ManagerOnly.Contains(action);

    public static bool IsAllowed(UnitAction action, UnitStatus from) => AllowedFrom[action].Contains(from);

    /// <summary>The actions a person could take on a unit in this status (the expiry job's is not one).</summary>
    public static IEnumerable<UnitAction> ActionsFor(UnitStatus status, bool isManager) =>
        AllowedFrom.Keys.Where(a => a != UnitAction.Expire && IsAllowed(a, status) && (isManager || !IsManagerOnly(a)));

    /// <summary>Initial state for imported or generated units, before any transition exists.</summary>
    public void Initialise(UnitStatus status, DateTime now)
    {
        Status = status;
        StatusChangedAt = now;
    }

    public UnitEvent Publish(Actor actor, DateTime now)
    {
        Guard(UnitAction.Publish, actor);
        return Move(UnitAction.Publish, UnitStatus.Available, actor, now);
    }

    public UnitEvent Withdraw(Actor actor, DateTime now)
    {
        Guard(UnitAction.Withdraw, actor);
        return Move(UnitAction.Withdraw, UnitStatus.Unreleased, actor, now);
    }

    public UnitEvent Withhold(Actor actor, string? reason, DateTime now)
    {
        var trimmed = (reason ?? "").Trim();
        Guard(UnitAction.Withhold, actor);
        if (trimmed.Length == 0)
        {
            throw new DomainException("unit.reason.required");
        }
        if (trimmed.Length > MaxReasonLength)
        {
            throw new DomainException("unit.reason.tooLong", MaxReasonLength);
        }
        WithheldReason = trimmed;
        return Move(UnitAction.Withhold, UnitStatus.Withheld, actor, now, reason: trimmed);
    }

    public UnitEvent Unwithhold(Actor actor, DateTime now)
    {
        Guard(UnitAction.Unwithhold, actor);
        WithheldReason = null;
        return Move(UnitAction.Unwithhold, UnitStatus.Available, actor, now);
    }

    public UnitEvent Hold(Actor actor, CustomerContact customer, DateTime now, TimeSpan holdFor)
    {
        Guard(UnitAction.Hold, actor);
        var deal = new Deal(this, customer, actor, UnitStatus.Held, now);
        _deals.Add(deal);
        HoldExpiresAt = now + holdFor;
        return Move(UnitAction.Hold, UnitStatus.Held, actor, now, deal);
    }

    public UnitEvent Release(Actor actor, DateTime now) => CloseDeal(UnitAction.Release, actor, now);

    public UnitEvent ExpireHold(DateTime now)
    {
        Guard(UnitAction.Expire, Actor.System);
        if (HoldExpiresAt > now)
        {
            throw new DomainException("unit.hold.notExpired", Code);
        }
        return CloseDeal(UnitAction.Expire, Actor.System, now);
    }

    public UnitEvent Deposit(Actor actor, CustomerContact? customer, DateTime now) =>
        Advance(UnitAction.Deposit, UnitStatus.Deposited, actor, customer, now);

    public UnitEvent Subscribe(Actor actor, CustomerContact? customer, DateTime now) =>
        Advance(UnitAction.Subscribe, UnitStatus.Subscribed, actor, customer, now);

    public UnitEvent Sign(Actor actor, CustomerContact? customer, DateTime now) =>
        Advance(UnitAction.Sign, UnitStatus.Signed, actor, customer, now);

    /// <summary>Moves the live deal on, or opens one when the buyer skips ahead from Available.</summary>
    private UnitEvent Advance(UnitAction action, UnitStatus to, Actor actor, CustomerContact? customer, DateTime now)
    {
        Guard(action, actor);
        var deal = LiveDeal;
        if (deal is null)
        {
            deal = new Deal(this, customer ?? throw new DomainException("customer.required"), actor, to, now);
            _deals.Add(deal);
        }
        else
        {
            deal.Advance(to, customer, now);
        }
        HoldExpiresAt = null;
        return Move(action, to, actor, now, deal);
    }

    private UnitEvent CloseDeal(UnitAction action, Actor actor, DateTime now)
    {
        Guard(action, actor);
        var deal = LiveDeal;
        deal?.Close(action, now);
        HoldExpiresAt = null;
        return Move(action, UnitStatus.Available, actor, now, deal);
    }

    /// <summary>Refuses an action the state machine or the actor's role does not allow.</summary>
    private void Guard(UnitAction action, Actor actor)
    {
        if (!IsAllowed(action, Status))
        {
            throw new DomainException("unit.wrongState", Code, Status, action);
        }
        if (IsManagerOnly(action) && !actor.IsManager)
        {
            throw new DomainException("unit.managerOnly", action);
        }
        if (LiveDeal is { } deal && !deal.BelongsTo(actor))
        {
            throw new DomainException("unit.notYourDeal", Code, deal.AgentName);
        }
    }

    private UnitEvent Move(UnitAction action, UnitStatus to, Actor actor, DateTime now, Deal? deal = null, string? reason = null)
    {
        var from = Status;
        Status = to;
        Version++;
        StatusChangedAt = now;
        StatusChangedBy = actor.Name;
        return new UnitEvent(this, action, from, actor, now, deal, reason);
    }
}
