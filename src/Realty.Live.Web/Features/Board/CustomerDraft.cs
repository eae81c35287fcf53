namespace Realty.Live.Web.Features.Board;

/// <summary>What the agent typed about the buyer, kept while they look at other units.</summary>
public sealed class CustomerDraft
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Reason { get; set; }

    /// <summary>On opening day the buyer's queue number says who they are and whether it is their turn.</summary>
    public int? TicketNumber { get; set; }

    public void Clear() => (Name, Phone, Reason, TicketNumber) = (null, null, null, null);
}
