using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;

namespace Realty.Live.Web.Features.Ownership;

/// <summary>What came of a manager's or agent's ownership command: done (with how many) or refused, and why.</summary>
public sealed record OwnershipAnswer(bool Done, string Message, int Count = 0)
{
    public static OwnershipAnswer Refused(string message) => new(false, message);
}

/// <summary>Someone who may own customers: a user in the agent or manager role.</summary>
public sealed record AgentChoice(string Id, string Name);

/// <summary>A refused registration, for the duplicate log.</summary>
public sealed record AttemptView(
    int Id, DateTime At, string AttemptedById, string AttemptedByName, string TypedName, CustomerView Customer,
    DuplicateResolution? Resolution, string? ResolvedByName, DateTime? ResolvedAt, string? Note,
    IReadOnlyList<CustomerView> SameName)
{
    public bool Open => Resolution is null;
}

/// <summary>Records of the same name under different numbers: maybe one person registered twice.</summary>
public sealed record SameNameGroup(string Name, IReadOnlyList<CustomerView> Customers);

/// <summary>A merge done earlier: the number that now leads to the kept customer.</summary>
public sealed record MergeView(int CustomerId, string KeptName, string Mobile, string MergedName, string MergedOwnerName, string ByName, DateTime At, string? Note);

public sealed record DuplicateLog(IReadOnlyList<AttemptView> Attempts, IReadOnlyList<SameNameGroup> SameName, IReadOnlyList<MergeView> Merges);

/// <summary>Two records of one person: <paramref name="KeepId"/> stays, <paramref name="MergeId"/> goes into it.</summary>
public sealed record MergeCustomers(int KeepId, int MergeId, int? AttemptId = null, string? Note = null);

/// <summary>Hand customers to another agent: the listed ones, or all of <paramref name="FromOwnerId"/>'s.</summary>
public sealed record TransferCustomers(int ProjectId, IReadOnlyCollection<int> CustomerIds, string? ToAgentId, string? Reason, string? FromOwnerId = null);

/// <summary>Move customers to another project, to a new agent there or keeping their owner.</summary>
public sealed record MoveCustomers(int ProjectId, IReadOnlyCollection<int> CustomerIds, int ToProjectId, string? ToAgentId, string? Reason);

/// <summary>Search of the transfer log; every part is optional. Dates are the project's calendar days.</summary>
public sealed record TransferFilter(TransferKind? Kind = null, string? AgentId = null, DateOnly? From = null, DateOnly? To = null, string? Text = null);

public sealed record TransferView(
    int Id, DateTime At, TransferKind Kind, int CustomerId, string CustomerName, string FromOwnerName, string ToOwnerName,
    string FromProject, string ToProject, string ByName, string? Reason);

/// <summary>Someone who owns customers in a project now, with how many: the "from" of a transfer.</summary>
public sealed record OwnerCount(string Id, string Name, int Customers);

public sealed record PoolSettingsView(int IdleDays, int? ClaimsPerDay);

/// <summary>The pool as an agent sees it: phones masked, and how many more they may claim today.</summary>
public sealed record PoolView(IReadOnlyList<PoolCustomer> Customers, int? ClaimsPerDay, int ClaimedToday, int IdleDays)
{
    public int? ClaimsLeft => ClaimsPerDay is { } limit ? Math.Max(0, limit - ClaimedToday) : null;
}

public sealed record PoolCustomer(int Id, string Name, string Phone, string Channel, FunnelStage Stage, DateTime RegisteredAt, DateTime PooledAt, string LastOwnerName);

/// <summary>A channel of the project's list, with how many customers came through it.</summary>
public sealed record ChannelRow(string Name, bool Retired, int Customers);
