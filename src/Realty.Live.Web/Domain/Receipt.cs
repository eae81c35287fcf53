namespace Realty.Live.Web.Domain;

public enum ReceiptKind
{
    /// <summary>诚意金, taken with a queue number before the opening.</summary>
    SincerityDeposit,
    Deposit,
    Earnest,
    Payment,

    /// <summary>Money paid back (negative amount).</summary>
    Refund,
}

/// <summary>Money taken or paid back at the desk (实收), for a deal or for a queue number.</summary>
public sealed class Receipt
{
    private Receipt()
    {
    }

    public Receipt(int projectId, ReceiptKind kind, decimal amount, Actor by, DateTime at, Deal? deal = null, QueueTicket? ticket = null, string? note = null)
    {
        ProjectId = projectId;
        Kind = kind;
        Amount = Money.Fen(amount);
        ByName = by.Name;
        At = at;
        Deal = deal;
        Ticket = ticket;
        Note = note;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int? DealId { get; private set; }

    public Deal? Deal { get; private set; }

    public int? QueueTicketId { get; private set; }

    public QueueTicket? Ticket { get; private set; }

    public ReceiptKind Kind { get; private set; }

    public decimal Amount { get; private set; }

    public string ByName { get; private set; } = "";

    public DateTime At { get; private set; }

    public string? Note { get; private set; }

    /// <summary>A sincerity deposit that becomes part of a deal's payments.</summary>
    public void CreditTo(Deal deal) => Deal = deal;
}
