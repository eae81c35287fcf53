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

    /// <summary>What the list price is set by: a total, or a price per m² of gross or of net area.</summary>
    public PriceBasis PriceBasis { get; set; } = PriceBasis.GrossArea;

    /// <summary>List price per m² of the basis' area (for a total: per m² of gross area, for reading only).</summary>
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

    /// <summary>A change of the live deal waiting for a manager: the board shows it.</summary>
    public ChangeKind? PendingChange { get; private set; }

    /// <summary>Deals of this unit as loaded; the services load the live one only.</summary>
    public IReadOnlyCollection<Deal> Deals => _deals;

    /// <summary>The deal on this unit now. A deal just moved to another unit is no longer this one's.</summary>
    public Deal? LiveDeal => _deals.SingleOrDefault(d => d.IsLive && d.UnitId == Id);

    private static readonly UnitStatus[] InDeal = [UnitStatus.Held, UnitStatus.Deposited, UnitStatus.Subscribed, UnitStatus.Signed];

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
        [UnitAction.Expire] = [UnitStatus.Held, UnitStatus.Deposited],
        [UnitAction.Reprice] = Enum.GetValues<UnitStatus>(),
        [UnitAction.RequestChange] = InDeal,
        [UnitAction.DropChange] = InDeal,
        [UnitAction.Cancel] = [UnitStatus.Subscribed, UnitStatus.Signed],
        [UnitAction.MoveOut] = [UnitStatus.Deposited, UnitStatus.Subscribed, UnitStatus.Signed],
        [UnitAction.MoveIn] = [UnitStatus.Available],
        [UnitAction.Amend] = InDeal,
        [UnitAction.Reset] = InDeal,
    };

    /// <summary>Which changes can be asked for at which stage: a hold or a deposit is simply released.</summary>
    private static readonly Dictionary<ChangeKind, UnitStatus[]> ChangeableFrom = new()
    {
        [ChangeKind.ChangeUnit] = [UnitStatus.Deposited, UnitStatus.Subscribed, UnitStatus.Signed],
        [ChangeKind.Cancel] = [UnitStatus.Subscribed, UnitStatus.Signed],
        [ChangeKind.Rename] = [UnitStatus.Deposited, UnitStatus.Subscribed, UnitStatus.Signed],
        [ChangeKind.Price] = InDeal,
    };

    /// <summary>What a person does to a unit on its sheet or through the API; the rest follows from requests, jobs and pricing.</summary>
    public static readonly UnitAction[] SheetActions =
    [
        UnitAction.Publish, UnitAction.Withdraw, UnitAction.Withhold, UnitAction.Unwithhold,
        UnitAction.Hold, UnitAction.Release, UnitAction.Deposit, UnitAction.Subscribe, UnitAction.Sign,
    ];

    private static readonly HashSet<UnitAction> ManagerOnly =
    [
        UnitAction.Publish, UnitAction.Withdraw, UnitAction.Withhold, UnitAction.Unwithhold, UnitAction.Reprice,
        UnitAction.Cancel, UnitAction.MoveOut, UnitAction.MoveIn, UnitAction.Amend,
    ];

    public static bool IsManagerOnly(UnitAction action) => ManagerOnly.Contains(action);

    public static bool IsAllowed(UnitAction action, UnitStatus from) => AllowedFrom[action].Contains(from);

    public static bool CanRequest(ChangeKind kind, UnitStatus from) => ChangeableFrom[kind].Contains(from);

    /// <summary>The sheet actions a person could take on a unit in this status.</summary>
    public static IEnumerable<UnitAction> ActionsFor(UnitStatus status, bool isManager) =>
        SheetActions.Where(a => IsAllowed(a, status) && (isManager || !IsManagerOnly(a)));

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

    public UnitEvent Hold(Actor actor, CustomerContact customer, DateTime now, TimeSpan holdFor, DealTerms? terms = null, bool rehearsal = false)
    {
        Guard(UnitAction.Hold, actor);
        var deal = new Deal(this, customer, actor, UnitStatus.Held, now, rehearsal);
        if (terms is not null)
        {
            deal.Agree(UnitAction.Hold, terms, actor, now);
        }
        _deals.Add(deal);
        HoldExpiresAt = now + holdFor;
        return Move(UnitAction.Hold, UnitStatus.Held, actor, now, deal);
    }

    public UnitEvent Release(Actor actor, DateTime now) => CloseDeal(UnitAction.Release, actor, now);

    /// <summary>A hold or a deposit whose time is up goes back on sale.</summary>
    public UnitEvent Expire(DateTime now)
    {
        Guard(UnitAction.Expire, Actor.System);
        var due = Status == UnitStatus.Held ? HoldExpiresAt : LiveDeal?.DepositExpiresAt;
        if (due > now)
        {
            throw new DomainException("unit.notExpired", Code);
        }
        return CloseDeal(UnitAction.Expire, Actor.System, now);
    }

    public UnitEvent Deposit(Actor actor, CustomerContact? customer, DealTerms terms, DateTime now, bool rehearsal = false) =>
        Advance(UnitAction.Deposit, UnitStatus.Deposited, actor, customer, terms, now, rehearsal);

    public UnitEvent Subscribe(Actor actor, CustomerContact? customer, DealTerms terms, DateTime now, bool rehearsal = false) =>
        Advance(UnitAction.Subscribe, UnitStatus.Subscribed, actor, customer, terms, now, rehearsal);

    public UnitEvent Sign(Actor actor, CustomerContact? customer, DealTerms terms, DateTime now, bool rehearsal = false) =>
        Advance(UnitAction.Sign, UnitStatus.Signed, actor, customer, terms, now, rehearsal);

    /// <summary>调价: a manager sets a new list and floor price; a deal already struck keeps its own.</summary>
    public UnitEvent Reprice(Actor actor, PriceBasis basis, decimal amount, decimal floorPrice, DateTime now, string? reason)
    {
        Guard(UnitAction.Reprice, actor);
        var area = basis == PriceBasis.NetArea ? NetArea : GrossArea;
        // An absurd amount is refused before it is multiplied: a decimal overflows near 8e28.
        var list = amount is > 0 and <= Money.MaxPrice ? Money.Fen(basis == PriceBasis.Total ? amount : amount * area) : 0;
        if (list <= 0 || list > Money.MaxPrice)
        {
            throw new DomainException("price.amount.range", Code);
        }
        if (Money.Fen(floorPrice) <= 0 || Money.Fen(floorPrice) > list)
        {
            throw new DomainException("price.floor.range", Code);
        }
        PriceBasis = basis;
        UnitPrice = basis == PriceBasis.Total ? Money.Fen(list / GrossArea) : Money.Fen(amount);
        ListPrice = list;
        FloorPrice = Money.Fen(floorPrice);
        return Move(UnitAction.Reprice, Status, actor, now, reason: Reason(reason, required: false));
    }

    /// <summary>An agent asks a manager for a change of the live deal; the board shows it until decided.</summary>
    public UnitEvent RequestChange(Actor actor, ChangeKind kind, DateTime now, string? reason)
    {
        Guard(UnitAction.RequestChange, actor);
        if (PendingChange is not null)
        {
            throw new DomainException("change.alreadyPending", Code);
        }
        if (!CanRequest(kind, Status))
        {
            throw new DomainException("change.wrongStage", Code, Status);
        }
        PendingChange = kind;
        return Move(UnitAction.RequestChange, Status, actor, now, LiveDeal, Reason(reason, required: true));
    }

    /// <summary>The pending change was rejected or withdrawn: the deal stays as it was.</summary>
    public UnitEvent DropChange(Actor actor, DateTime now, string? note)
    {
        Guard(UnitAction.DropChange, actor);
        PendingChange = null;
        return Move(UnitAction.DropChange, Status, actor, now, LiveDeal, Reason(note, required: false));
    }

    /// <summary>退房, approved: the deal ends and the unit is on sale again.</summary>
    public UnitEvent Cancel(Actor manager, DateTime now, string? reason)
    {
        var change = CloseDeal(UnitAction.Cancel, manager, now, Reason(reason, required: true));
        PendingChange = null;
        return change;
    }

    /// <summary>换房, approved, first half: the deal leaves this unit, which is on sale again.</summary>
    public UnitEvent MoveOut(Actor manager, DateTime now, string? reason)
    {
        Guard(UnitAction.MoveOut, manager);
        PendingChange = null;
        return Move(UnitAction.MoveOut, UnitStatus.Available, manager, now, LiveDeal, Reason(reason, required: true));
    }

    /// <summary>换房, second half: the deal arrives here at its stage, at this unit's prices.</summary>
    public UnitEvent MoveIn(Deal deal, Actor manager, DateTime now)
    {
        Guard(UnitAction.MoveIn, manager);
        _deals.Add(deal);
        deal.MoveTo(this, now);
        return Move(UnitAction.MoveIn, deal.Stage, manager, now, deal);
    }

    /// <summary>An approved rename or new terms: the unit stays where it is, the deal changed.</summary>
    public UnitEvent Amend(Actor manager, DateTime now, string? reason)
    {
        Guard(UnitAction.Amend, manager);
        PendingChange = null;
        return Move(UnitAction.Amend, Status, manager, now, LiveDeal, Reason(reason, required: false));
    }

    /// <summary>A rehearsal's made-up deal is wiped: the unit is on sale again.</summary>
    public UnitEvent Reset(DateTime now)
    {
        var change = CloseDeal(UnitAction.Reset, Actor.System, now);
        PendingChange = null;
        return change;
    }

    /// <summary>Moves the live deal on, or opens one when the buyer skips ahead from Available.</summary>
    private UnitEvent Advance(UnitAction action, UnitStatus to, Actor actor, CustomerContact? customer, DealTerms terms, DateTime now, bool rehearsal)
    {
        Guard(action, actor);
        if (PendingChange is not null)
        {
            throw new DomainException("change.pendingBlocks", Code);
        }
        // The terms are agreed first: refused, they leave no deal behind and the live one as it was.
        var deal = LiveDeal;
        if (deal is null)
        {
            deal = new Deal(this, customer ?? throw new DomainException("customer.required"), actor, to, now, rehearsal);
            deal.Agree(action, terms, actor, now);
            _deals.Add(deal);
        }
        else
        {
            deal.Agree(action, terms, actor, now);
            deal.Advance(to, customer, now);
        }
        HoldExpiresAt = null;
        return Move(action, to, actor, now, deal);
    }

    private UnitEvent CloseDeal(UnitAction action, Actor actor, DateTime now, string? reason = null)
    {
        Guard(action, actor);
        var deal = LiveDeal;
        deal?.Close(action, now);
        HoldExpiresAt = null;
        return Move(action, UnitStatus.Available, actor, now, deal, reason);
    }

    private static string? Reason(string? text, bool required)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return required ? throw new DomainException("unit.reason.required") : null;
        }
        return trimmed.Length > MaxReasonLength ? throw new DomainException("unit.reason.tooLong", MaxReasonLength) : trimmed;
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
