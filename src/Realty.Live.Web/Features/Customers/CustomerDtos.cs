using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Web.Features.Customers;

/// <summary>What an agent types to register a walk-in or a call.</summary>
public sealed record RegisterCustomer(int ProjectId, string? Name, string? Mobile, string? Channel, FirstContact FirstContact, bool Confirm = false);

/// <summary>A customer as one viewer may see it: the phone is masked unless the viewer owns the customer or manages.</summary>
public sealed record CustomerView(
    int Id, string Name, string Phone, bool PhoneShown, string Channel, FirstContact FirstContact, FunnelStage Stage,
    string OwnerId, string OwnerName, DateTime RegisteredAt, bool Mine, DateOnly? NextFollowUp = null, bool Overdue = false)
{
    public int ProjectId { get; init; }

    /// <param name="today">The project's today, to tell overdue follow-ups; without it none is.</param>
    public static CustomerView Of(Customer customer, Actor viewer, DateOnly? today = null) => new(
        customer.Id, customer.Name, customer.ShowsPhoneTo(viewer) ? customer.Mobile : UnitService.MaskPhone(customer.Mobile),
        customer.ShowsPhoneTo(viewer), customer.Channel, customer.FirstContact, customer.Stage, customer.OwnerId, customer.OwnerName,
        customer.RegisteredAt, customer.IsOwnedBy(viewer), customer.NextFollowUp, today is { } day && customer.IsOverdue(day))
    {
        ProjectId = customer.ProjectId,
    };
}

/// <summary>Search of the customer list; every part is optional.</summary>
public sealed record CustomerFilter(string? Text = null, FunnelStage? Stage = null, string? Channel = null, string? Layout = null);

public abstract record RegisterResult(string Message)
{
    public sealed record Registered(CustomerView Customer, string Message) : RegisterResult(Message);

    /// <summary>The mobile is already a customer of the project: refused, with its owner named.</summary>
    public sealed record Duplicate(CustomerView Existing, string Message) : RegisterResult(Message);

    /// <summary>Someone of the same name with another number exists: registered only when the agent confirms.</summary>
    public sealed record PossibleDuplicate(IReadOnlyList<CustomerView> Matches, string Message) : RegisterResult(Message);

    public sealed record Rejected(string Message) : RegisterResult(Message);
}
