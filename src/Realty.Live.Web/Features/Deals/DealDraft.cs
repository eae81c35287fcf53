using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Web.Features.Deals;

/// <summary>The terms an agent is filling in for the next step of a deal on the open sheet.</summary>
public sealed class DealDraft
{
    public HashSet<int> SchemeIds { get; } = [];

    public int? PlanId { get; set; }

    public decimal? Deposit { get; set; }

    public decimal? Earnest { get; set; }

    public string? SubscriptionNo { get; set; }

    public string? ContractNo { get; set; }

    public DateTime? ContractDate { get; set; }

    /// <summary>The step's command with these terms; a step that agrees no price takes no discounts or plan.</summary>
    public UnitCommand Complete(UnitCommand command, UnitAction step) => command with
    {
        SchemeIds = step is UnitAction.Subscribe or UnitAction.Sign ? [.. SchemeIds] : null,
        PlanId = step is UnitAction.Subscribe or UnitAction.Sign ? PlanId : null,
        Deposit = step == UnitAction.Deposit ? Deposit : null,
        Earnest = step is UnitAction.Subscribe or UnitAction.Sign ? Earnest : null,
        SubscriptionNo = step == UnitAction.Subscribe ? SubscriptionNo : null,
        ContractNo = step == UnitAction.Sign ? ContractNo : null,
        ContractDate = step == UnitAction.Sign && ContractDate is { } date ? DateOnly.FromDateTime(date) : null,
    };

    public void Clear()
    {
        SchemeIds.Clear();
        (PlanId, Deposit, Earnest, SubscriptionNo, ContractNo, ContractDate) = (null, null, null, null, null, null);
    }
}
