using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;

namespace Realty.Live.Web.Features.Board;

/// <summary>
/// Who the agent is dealing with, kept while they look at other units: a registered customer they
/// picked, or a new one typed in to register in place (with the same duplicate rules as the customer
/// list), and what else the sheet asks for.
/// </summary>
public sealed class CustomerDraft
{
    /// <summary>The registered customer the next deal is for.</summary>
    public CustomerView? Customer { get; set; }

    /// <summary>What the agent typed to find one of their customers.</summary>
    public string? Search { get; set; }

    /// <summary>A new customer's name, registered in place when the agent takes a deal step.</summary>
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Channel { get; set; }

    public FirstContact FirstContact { get; set; }

    public string? Reason { get; set; }

    /// <summary>On opening day the buyer's queue number says who they are and whether it is their turn.</summary>
    public int? TicketNumber { get; set; }

    public bool HasTypedCustomer => !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Phone);

    public RegisterCustomer Registration(int projectId, bool confirm) => new(projectId, Name, Phone, Channel, FirstContact, confirm);

    public void Clear() =>
        (Customer, Search, Name, Phone, Channel, FirstContact, Reason, TicketNumber) = (null, null, null, null, null, FirstContact.WalkIn, null, null);
}
