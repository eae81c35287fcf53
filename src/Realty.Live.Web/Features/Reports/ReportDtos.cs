using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Web.Features.Reports;

/// <summary>A report, or why it was not made (not a manager, a filter that does not hold).</summary>
public abstract record ReportAnswer<T>
{
    public sealed record Ready(T Report) : ReportAnswer<T>;

    public sealed record Refused(string Message) : ReportAnswer<T>;
}

public sealed record ReportChoice(string Id, string Name);

/// <summary>What the filter bar offers for the chosen project, and the project's "today".</summary>
public sealed record ReportContext(
    IReadOnlyList<ProjectChoice> Projects,
    int ProjectId,
    string ProjectName,
    string TimeZoneId,
    DateOnly Today,
    IReadOnlyList<ReportChoice> Buildings,
    IReadOnlyList<ReportChoice> Agents,
    IReadOnlyList<string> Channels)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public string? BuildingName(int? id) => id is null ? null : Buildings.FirstOrDefault(b => b.Id == id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Name;

    public string? AgentName(string? id) => id is null ? null : Agents.FirstOrDefault(a => a.Id == id)?.Name ?? id;
}

/// <summary>
/// The checked filters with what the page needs around them; when the query does not hold, the reason
/// instead of the filter, and the context when the project at least is known.
/// </summary>
public sealed record FilterAnswer(ReportContext? Context, ReportFilter? Filter, string? Error);

/// <summary>
/// The sales measures of a period, as the brief defines them for the cockpit and the reports alike.
/// Walk-ins and calls are null under a building filter: a visit is to the project, not to a building.
/// </summary>
public sealed record SalesFigures(
    int? WalkIns,
    int? Calls,
    int Holds,
    int Deposits,
    int Subscriptions,
    decimal SubscriptionAmount,
    int Contracts,
    decimal ContractArea,
    decimal ContractAmount,
    int Cancellations,
    int UnitChanges,
    int NetUnits,
    decimal NetArea,
    decimal NetAmount);

/// <summary>One day, ISO week or month of the range (clipped to it at the ends).</summary>
public sealed record SalesRow(DateOnly From, DateOnly To, SalesFigures Figures);

public sealed record SalesReport(ReportFilter Filter, IReadOnlyList<SalesRow> Rows, SalesFigures Totals);

/// <summary>
/// One row behind a count: a deal step (unit event) or, for walk-ins and calls, an interaction. Times
/// are UTC and, for reading, the project's local time.
/// </summary>
public sealed record StepRow(
    long Id,
    DateTime At,
    DateTime LocalAt,
    Measure Action,
    string? UnitCode,
    string? Building,
    UnitStatus? From,
    UnitStatus? To,
    string Agent,
    string Customer,
    decimal? Area,
    decimal? Amount);

/// <summary>The first rows (up to the limit asked for) of <see cref="Total"/>; the sums are over all of them.</summary>
public sealed record StepsReport(ReportFilter Filter, IReadOnlyList<StepRow> Rows, int Total, decimal? Area, decimal? Amount);

/// <summary>An agent's numbers for the range; conversion is contracts ÷ walk-ins (null without walk-ins).</summary>
public sealed record AgentRow(
    string? AgentId,
    string Name,
    int? WalkIns,
    int? Calls,
    int Holds,
    int Deposits,
    int Subscriptions,
    int Contracts,
    decimal ContractAmount,
    int Cancellations,
    decimal? Conversion);

public sealed record AgentsReport(ReportFilter Filter, IReadOnlyList<AgentRow> Rows, AgentRow Totals);

/// <summary>A building's units by status, with their gross area and list value (the totals row has no building).</summary>
public sealed record BuildingStatusRow(int? BuildingId, string Building, IReadOnlyDictionary<UnitStatus, int> Counts, int Units, decimal Area, decimal ListValue);

public sealed record UnitRow(
    int Id,
    string Code,
    string Building,
    int Floor,
    string Stack,
    string Layout,
    decimal GrossArea,
    decimal UnitPrice,
    decimal ListPrice,
    UnitStatus Status,
    string? Customer,
    string? Agent);

/// <summary>
/// The unit status table and the first rows of the units it counts. Units in a rehearsal's deal count as
/// available (the rehearsal is wiped before selling starts); <see cref="RehearsalUnits"/> says how many.
/// </summary>
public sealed record UnitsReport(
    ReportFilter Filter,
    IReadOnlyList<BuildingStatusRow> Buildings,
    BuildingStatusRow Totals,
    IReadOnlyList<UnitRow> Units,
    int UnitCount,
    int RehearsalUnits);

/// <summary>
/// A contract signed in the range: the unit it was signed on, the list price and the final price of the
/// deal, the discount between them. A contract later cancelled or moved to another unit says so.
/// </summary>
public sealed record SoldRow(
    long EventId,
    int DealId,
    string UnitCode,
    string Building,
    string Layout,
    decimal Area,
    string Buyer,
    string Agent,
    string? ContractNo,
    DateOnly? ContractDate,
    DateTime SignedAt,
    decimal Price,
    decimal FinalPrice,
    decimal Discount,
    bool Cancelled,
    string? MovedTo);

public sealed record SoldReport(ReportFilter Filter, IReadOnlyList<SoldRow> Rows, int Total, decimal Area, decimal Price, decimal FinalPrice, decimal Discount);

/// <summary>
/// A live deal waiting for its next step: a deposit until it expires, a subscription until its sign-by
/// day. <see cref="Due"/> is the project's calendar day; a deposit's <see cref="DueAt"/> the local time.
/// </summary>
public sealed record AwaitingRow(
    int DealId,
    string UnitCode,
    string Building,
    FunnelStage Stage,
    string Customer,
    string Phone,
    string Agent,
    DateOnly Since,
    decimal Paid,
    DateOnly Due,
    DateTime? DueAt,
    bool Overdue,
    int DaysOverdue,
    decimal Amount);

public sealed record AwaitingReport(ReportFilter Filter, IReadOnlyList<AwaitingRow> Rows, int Total, int Deposited, int Subscribed, int Overdue, decimal Amount);

/// <summary>Customers of one stage by channel (the totals row has no stage).</summary>
public sealed record StageRow(FunnelStage? Stage, IReadOnlyDictionary<string, int> ByChannel, int Total);

public sealed record CustomerRow(int Id, string Name, string Phone, string Channel, FunnelStage Stage, string Owner, DateTime RegisteredAt, FirstContact FirstContact);

/// <summary>Customers registered in the range, stage × channel, and the first rows of those the filters pick.</summary>
public sealed record CustomersReport(
    ReportFilter Filter,
    IReadOnlyList<string> Channels,
    IReadOnlyList<StageRow> Stages,
    StageRow Totals,
    IReadOnlyList<CustomerRow> Rows,
    int Total);
