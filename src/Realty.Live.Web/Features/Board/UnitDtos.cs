namespace Realty.Live.Web.Features.Board;

/// <summary>What the unit sheet and the API show of one unit.</summary>
public sealed record UnitDetails(
    int Id,
    int ProjectId,
    string Code,
    string Building,
    int Floor,
    string Stack,
    string Status,
    int Version,
    string Layout,
    string LayoutName,
    decimal GrossArea,
    decimal NetArea,
    string Orientation,
    decimal UnitPrice,
    decimal ListPrice,
    decimal FloorPrice,
    DateTime StatusChangedAt,
    string? StatusChangedBy,
    DateTime? HoldExpiresAt,
    string? WithheldReason,
    DealSummary? Deal,
    IReadOnlyList<EventSummary> History,
    string PriceBasis = "grossarea",
    string? PendingChange = null);

/// <param name="CanAct">Whether the viewer may move this deal on: its agent, or a manager.</param>
/// <param name="Price">The list price the deal was struck at.</param>
/// <param name="Paid">What was taken at the desk so far, less refunds.</param>
public sealed record DealSummary(
    int Id,
    string Stage,
    string CustomerName,
    string CustomerPhone,
    string AgentName,
    decimal Price,
    DateTime OpenedAt,
    bool CanAct,
    decimal FloorPrice = 0,
    decimal? FinalPrice = null,
    IReadOnlyList<PriceLineSummary>? PriceLines = null,
    int? PlanId = null,
    string? PlanName = null,
    decimal? DepositAmount = null,
    DateTime? DepositExpiresAt = null,
    decimal? EarnestAmount = null,
    string? SubscriptionNo = null,
    DateOnly? SignBy = null,
    string? ContractNo = null,
    DateOnly? ContractDate = null,
    int? TicketNumber = null,
    string? CoBuyers = null,
    decimal Paid = 0,
    bool IsRehearsal = false);

public sealed record PriceLineSummary(int SchemeId, string Name, string Kind, decimal Value, decimal Amount, decimal After);

public sealed record EventSummary(string Action, string From, string To, string By, DateTime At, string? Reason);

/// <summary>
/// The body of every unit action: the version the agent saw, and what the action needs. A deposit,
/// subscription or contract also names its terms: discount schemes and payment plan (the price follows
/// from them), amounts taken at the desk (the project's defaults when left out), the numbers on the
/// forms, and on opening day the buyer's queue number. The buyer is a registered customer picked by
/// <paramref name="CustomerId"/> (then the typed name and phone are not used), or typed in: a typed
/// mobile that is a registered customer's links the deal to them, if they are the agent's own.
/// </summary>
public sealed record UnitCommand(
    int ExpectedVersion,
    string? CustomerName = null,
    string? CustomerPhone = null,
    string? Reason = null,
    IReadOnlyList<int>? SchemeIds = null,
    int? PlanId = null,
    decimal? Deposit = null,
    decimal? Earnest = null,
    string? SubscriptionNo = null,
    string? ContractNo = null,
    DateOnly? ContractDate = null,
    int? TicketNumber = null,
    int? CustomerId = null);

/// <summary>A unit offered when the one the agent wanted was taken.</summary>
public sealed record SimilarUnit(int Id, string Code, int Floor, string Layout, decimal GrossArea, decimal ListPrice, int Version);

public abstract record CommandResult
{
    public sealed record Done(UnitDetails Unit) : CommandResult;

    /// <summary>Somebody else moved the unit first; nothing was written.</summary>
    public sealed record Conflict(UnitDetails Current, string Message, IReadOnlyList<SimilarUnit> Similar) : CommandResult;

    /// <summary>The input or the state machine refused the action; nothing was written.</summary>
    public sealed record Rejected(string Message) : CommandResult;

    public sealed record NotFound(string Message) : CommandResult;
}
