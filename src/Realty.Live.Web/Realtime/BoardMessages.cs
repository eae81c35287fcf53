using System.Text.Json.Serialization;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Realtime;

/// <summary>What travels on the event bus between nodes; serialisable so a broker can carry it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UnitChanged), "unitChanged")]
[JsonDerivedType(typeof(DisplayRevoked), "displayRevoked")]
public abstract record BoardMessage(int ProjectId);

/// <summary>A committed transition of one unit.</summary>
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
    DateTime At) : BoardMessage(ProjectId);

/// <summary>A display link was revoked: walls showing it must stop.</summary>
public sealed record DisplayRevoked(int ProjectId, string Token) : BoardMessage(ProjectId);
