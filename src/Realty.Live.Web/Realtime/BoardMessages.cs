using System.Text.Json.Serialization;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Realtime;

/// <summary>What travels on the event bus between nodes; serialisable so a broker can carry it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UnitChanged), "unitChanged")]
[JsonDerivedType(typeof(DisplayRevoked), "displayRevoked")]
[JsonDerivedType(typeof(RequestChanged), "requestChanged")]
[JsonDerivedType(typeof(OpeningChanged), "openingChanged")]
[JsonDerivedType(typeof(ReminderAdded), "reminderAdded")]
[JsonDerivedType(typeof(UnitsAdded), "unitsAdded")]
[JsonDerivedType(typeof(PresenceChanged), "presenceChanged")]
public abstract record BoardMessage(int ProjectId);

/// <summary>A committed change of one unit: its status, and what else its board cell shows.</summary>
/// <param name="ListPrice">The unit's list price now; null where the sender did not know it (the ticker's history).</param>
/// <param name="Pending">A change of the unit's deal is waiting for a manager.</param>
public sealed record UnitChanged(
    int ProjectId,
    int UnitId,
    string Code,
    int BuildingId,
    UnitAction Action,
    UnitStatus From,
    UnitStatus Status,
    int Version,
    string By,
    DateTime At,
    decimal? ListPrice = null,
    bool Pending = false) : BoardMessage(ProjectId)
{
    /// <summary>What a committed change of this unit tells the boards.</summary>
    public static UnitChanged Of(Unit unit, UnitEvent change) =>
        new(unit.ProjectId, unit.Id, unit.Code, unit.BuildingId, change.Action, change.From, change.To, change.Version, change.ActorName, change.At,
            unit.ListPrice, unit.PendingChange is not null);
}

/// <summary>A change request was made or decided: inboxes and the requesting agent follow.</summary>
public sealed record RequestChanged(int ProjectId, int RequestId, string UnitCode, RequestStatus Status, string RequestedById) : BoardMessage(ProjectId);

/// <summary>The opening's mode or the called queue numbers changed: walls and queue desks follow.</summary>
public sealed record OpeningChanged(int ProjectId) : BoardMessage(ProjectId);

/// <summary>A reminder was written, for one agent or (no recipient) for the managers.</summary>
public sealed record ReminderAdded(int ProjectId, string? RecipientId) : BoardMessage(ProjectId);

/// <summary>New units joined the project (an import): its grids changed, so boards load it afresh.</summary>
public sealed record UnitsAdded(int ProjectId, int Count) : BoardMessage(ProjectId);

/// <summary>A display link was revoked: walls showing it must stop.</summary>
public sealed record DisplayRevoked(int ProjectId, string Token) : BoardMessage(ProjectId);

/// <summary>
/// Who is looking at which units on one node (agents with a unit's sheet open), for the presence
/// overlay. Never stored: each node reports its own lookers, and the others merge the reports.
/// </summary>
/// <param name="Node">The reporting node's id, new at every start.</param>
/// <param name="Units">The units whose lookers changed, each with all of that node's lookers now (none: nobody any more).</param>
/// <param name="Full">Every unit the node has lookers on: whatever it reported before and is not listed here is gone.</param>
public sealed record PresenceChanged(int ProjectId, string Node, IReadOnlyList<UnitLookers> Units, bool Full) : BoardMessage(ProjectId);

/// <summary>The agents (user ids) looking at one unit.</summary>
public sealed record UnitLookers(int UnitId, IReadOnlyList<string> AgentIds);
