namespace Realty.Live.Web.Domain;

public enum TicketStatus
{
    Active,
    Refunded,
}

/// <summary>
/// 排号: before the opening a buyer pays a refundable sincerity deposit and gets the next number, which
/// fixes their turn to choose a unit. The deposit is paid back, or becomes part of a deal's payments.
/// </summary>
public sealed class QueueTicket
{
    private QueueTicket()
    {
    }

    public QueueTicket(int projectId, int number, CustomerContact buyer, decimal amount, Actor agent, DateTime now, bool isRehearsal)
    {
        amount = Money.Fen(amount);
        if (amount <= 0 || amount > Money.MaxPrice)
        {
            throw new DomainException("ticket.amount.range");
        }
        ProjectId = projectId;
        Number = number;
        BuyerName = buyer.Name;
        BuyerPhone = buyer.Phone;
        Amount = amount;
        AgentId = agent.Id;
        AgentName = agent.Name;
        IssuedAt = now;
        IsRehearsal = isRehearsal;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int Number { get; private set; }

    public string BuyerName { get; private set; } = "";

    public string BuyerPhone { get; private set; } = "";

    public decimal Amount { get; private set; }

    public string AgentId { get; private set; } = "";

    public string AgentName { get; private set; } = "";

    public DateTime IssuedAt { get; private set; }

    public TicketStatus Status { get; private set; }

    public DateTime? RefundedAt { get; private set; }

    /// <summary>Issued during a rehearsal (公测): wiped with it.</summary>
    public bool IsRehearsal { get; private set; }

    public int Version { get; private set; } = 1;

    public Receipt Refund(Actor by, DateTime now, bool hasDeals)
    {
        if (Status == TicketStatus.Refunded)
        {
            throw new DomainException("ticket.alreadyRefunded", Number);
        }
        if (hasDeals)
        {
            throw new DomainException("ticket.hasDeals", Number);
        }
        Status = TicketStatus.Refunded;
        RefundedAt = now;
        Version++;
        return new Receipt(ProjectId, ReceiptKind.Refund, -Amount, by, now, ticket: this, note: $"#{Number}");
    }
}

/// <summary>叫号: on opening day the manager calls queue numbers in batches; only called buyers may choose.</summary>
public sealed class OpeningCall
{
    public const int MaxBatch = 200;

    private OpeningCall()
    {
    }

    public OpeningCall(int projectId, int fromNumber, int toNumber, Actor manager, DateTime now, bool isRehearsal)
    {
        if (fromNumber < 1 || toNumber < fromNumber)
        {
            throw new DomainException("opening.call.range");
        }
        if (toNumber - fromNumber + 1 > MaxBatch)
        {
            throw new DomainException("opening.call.tooMany", MaxBatch);
        }
        ProjectId = projectId;
        FromNumber = fromNumber;
        ToNumber = toNumber;
        CalledBy = manager.Name;
        CalledAt = now;
        IsRehearsal = isRehearsal;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int FromNumber { get; private set; }

    public int ToNumber { get; private set; }

    public string CalledBy { get; private set; } = "";

    public DateTime CalledAt { get; private set; }

    public bool IsRehearsal { get; private set; }

    public bool Covers(int number) => number >= FromNumber && number <= ToNumber;
}
