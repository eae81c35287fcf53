namespace Realty.Live.Web.Domain;

public enum ChangeKind
{
    /// <summary>换房: the deal moves to another available unit; its payments follow.</summary>
    ChangeUnit,

    /// <summary>退房: the unit returns to Available; what was paid is refunded, less any forfeited earnest.</summary>
    Cancel,

    /// <summary>更名: another buyer's name, or co-buyers added.</summary>
    Rename,

    /// <summary>A new price, discounts or payment plan; below the floor price it always needs a manager.</summary>
    Price,
}

public enum RequestStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>
/// A change to a deal, asked for by its agent and decided by a manager. Once approved it is the change
/// log's entry: what it was, what it became, and the money it moved.
/// </summary>
public sealed class ChangeRequest
{
    public const int MaxTextLength = 200;

    private ChangeRequest()
    {
    }

    public ChangeRequest(Deal deal, string unitCode, ChangeKind kind, ChangeDetails details, string? reason, Actor agent, DateTime now)
    {
        var why = (reason ?? "").Trim();
        if (why.Length == 0)
        {
            throw new DomainException("change.reason.required");
        }
        if (why.Length > MaxTextLength)
        {
            throw new DomainException("change.reason.tooLong", MaxTextLength);
        }
        ProjectId = deal.ProjectId;
        DealId = deal.Id;
        UnitId = deal.UnitId;
        UnitCode = unitCode;
        Kind = kind;
        TargetUnitId = details.TargetUnitId;
        NewCustomerName = details.NewCustomer?.Name;
        NewCustomerPhone = details.NewCustomer?.Phone;
        NewCoBuyers = details.NewCoBuyers;
        NewSchemeIds = [.. details.NewSchemeIds ?? []];
        NewPlanId = details.NewPlanId;
        ProposedPrice = details.ProposedPrice;
        ForfeitEarnest = details.ForfeitEarnest;
        Reason = why;
        RequestedById = agent.Id;
        RequestedByName = agent.Name;
        RequestedAt = now;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int DealId { get; private set; }

    /// <summary>The unit the deal was on when the change was asked for.</summary>
    public int UnitId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public ChangeKind Kind { get; private set; }

    public RequestStatus Status { get; private set; }

    public int? TargetUnitId { get; private set; }

    public string? NewCustomerName { get; private set; }

    public string? NewCustomerPhone { get; private set; }

    public string? NewCoBuyers { get; private set; }

    public List<int> NewSchemeIds { get; private set; } = [];

    public int? NewPlanId { get; private set; }

    /// <summary>The final price the agent's new terms come to, shown to the manager who decides.</summary>
    public decimal? ProposedPrice { get; private set; }

    public bool ForfeitEarnest { get; private set; }

    public string Reason { get; private set; } = "";

    public string RequestedById { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public DateTime RequestedAt { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>The deal as it was and as it became, in words, once approved.</summary>
    public string? Before { get; private set; }

    public string? After { get; private set; }

    /// <summary>What the change did to the money: the price difference, or the refund (negative).</summary>
    public decimal? MoneyEffect { get; private set; }

    public int Version { get; private set; } = 1;

    public bool IsPending => Status == RequestStatus.Pending;

    public void Approve(Actor manager, DateTime now, string? note, string before, string after, decimal moneyEffect)
    {
        Decide(manager, RequestStatus.Approved, now, note);
        (Before, After, MoneyEffect) = (before, after, moneyEffect);
    }

    public void Reject(Actor manager, DateTime now, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("change.note.required");
        }
        Decide(manager, RequestStatus.Rejected, now, note);
    }

    public void Withdraw(Actor actor, DateTime now)
    {
        if (actor.Id != RequestedById && !actor.IsManager)
        {
            throw new DomainException("change.notYours", RequestedByName);
        }
        Settle(RequestStatus.Withdrawn, actor, now, null);
    }

    private void Decide(Actor manager, RequestStatus status, DateTime now, string? note)
    {
        if (!manager.IsManager)
        {
            throw new DomainException("change.managerOnly");
        }
        Settle(status, manager, now, note);
    }

    private void Settle(RequestStatus status, Actor by, DateTime now, string? note)
    {
        if (!IsPending)
        {
            throw new DomainException("change.notPending", Status);
        }
        var trimmed = note?.Trim();
        if (trimmed?.Length > MaxTextLength)
        {
            throw new DomainException("change.note.tooLong", MaxTextLength);
        }
        Status = status;
        DecidedByName = by.Name;
        DecidedAt = now;
        DecisionNote = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        Version++;
    }
}

/// <summary>What a change asks for; which fields matter depends on its kind.</summary>
public sealed record ChangeDetails(
    int? TargetUnitId = null,
    CustomerContact? NewCustomer = null,
    string? NewCoBuyers = null,
    IReadOnlyList<int>? NewSchemeIds = null,
    int? NewPlanId = null,
    decimal? ProposedPrice = null,
    bool ForfeitEarnest = false);
