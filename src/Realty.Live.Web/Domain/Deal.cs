namespace Realty.Live.Web.Domain;

/// <summary>
/// One buyer's claim on one unit, from hold to contract. A unit has at most one live deal;
/// releasing, expiring or cancelling closes it.
/// </summary>
public sealed class Deal
{
    private Deal()
    {
    }

    internal Deal(Unit unit, CustomerContact customer, Actor agent, UnitStatus stage, DateTime now)
    {
        ProjectId = unit.ProjectId;
        UnitId = unit.Id;
        CustomerName = customer.Name;
        CustomerPhone = customer.Phone;
        AgentId = agent.Id;
        AgentName = agent.Name;
        Stage = stage;
        Price = unit.ListPrice;
        OpenedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    public string CustomerName { get; private set; } = "";

    public string CustomerPhone { get; private set; } = "";

    public string AgentId { get; private set; } = "";

    public string AgentName { get; private set; } = "";

    public UnitStatus Stage { get; private set; }

    /// <summary>The total price the deal was struck at; later price changes do not touch it.</summary>
    public decimal Price { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public UnitAction? CloseReason { get; private set; }

    public bool IsLive => ClosedAt is null;

    /// <summary>Only the agent who made the deal, or a manager, may move it on or let it go.</summary>
    public bool BelongsTo(Actor actor) => actor.IsManager || actor.Id == AgentId;

    internal void Advance(UnitStatus stage, CustomerContact? customer, DateTime now)
    {
        Stage = stage;
        if (customer is not null)
        {
            CustomerName = customer.Name;
            CustomerPhone = customer.Phone;
        }
        UpdatedAt = now;
    }

    internal void Close(UnitAction reason, DateTime now)
    {
        ClosedAt = now;
        UpdatedAt = now;
        CloseReason = reason;
    }
}
