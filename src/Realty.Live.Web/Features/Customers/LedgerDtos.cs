using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Customers;

/// <summary>A customer's profile as one viewer may see it: the ID number whole only for managers.</summary>
public sealed record ProfileView(
    string? IdNumber, bool IdNumberShown, decimal? Budget, string? Layouts, string? Areas, string? Floors, string? Family, string? Job,
    string? Email = null, DateOnly? Birthday = null)
{
    public static ProfileView Of(Customer customer, Actor viewer) => new(
        customer.IdNumberFor(viewer), viewer.IsManager, customer.Budget, customer.WantedLayouts, customer.WantedAreas,
        customer.WantedFloors, customer.Family, customer.Job, customer.Email, customer.Birthday);
}

public sealed record InteractionView(
    int Id, InteractionKind Kind, string Note, int? Satisfaction, string? UnitCode, DateOnly? NextFollowUp, string ByName, DateTime At)
{
    public static InteractionView Of(CustomerInteraction i) => new(i.Id, i.Kind, i.Note, i.Satisfaction, i.UnitCode, i.NextFollowUp, i.ByName, i.At);
}

/// <summary>
/// One step of one of the customer's deals, from the unit's event log: which unit, what happened, at what
/// price, when and by whom. <paramref name="Price"/> is the deal's price as it stands (agreed, or the
/// list price it was struck at); <paramref name="Amount"/> what the step took at the desk: the deposit
/// or the earnest.
/// </summary>
public sealed record DealStepView(
    long Id, int DealId, string UnitCode, UnitAction Step, UnitStatus To, decimal Price, decimal? Amount, DateTime At, string ByName,
    string AgentName, string? Reason, bool DealOpen);

/// <summary>Everything about one customer on one page (客户台帐); the timeline newest first.</summary>
public sealed record LedgerView(CustomerView Customer, ProfileView Profile, DateOnly Today, bool CanEdit, IReadOnlyList<InteractionView> Timeline)
{
    /// <summary>The steps of the customer's deals, newest first, to show on the timeline beside the interactions.</summary>
    public IReadOnlyList<DealStepView> DealSteps { get; init; } = [];
}

public abstract record LedgerAnswer(string Message)
{
    public sealed record Found(LedgerView Ledger, string Message = "") : LedgerAnswer(Message);

    /// <summary>Unknown customer, someone else's, or a rule broken: nothing was written.</summary>
    public sealed record Refused(string Message) : LedgerAnswer(Message);
}
