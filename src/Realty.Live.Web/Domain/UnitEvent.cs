namespace Realty.Live.Web.Domain;

/// <summary>One row per transition: who did what to which unit, when and why.</summary>
public sealed class UnitEvent
{
    private UnitEvent()
    {
    }

    internal UnitEvent(Unit unit, UnitAction action, UnitStatus from, Actor actor, DateTime at, Deal? deal, string? reason)
    {
        ProjectId = unit.ProjectId;
        UnitId = unit.Id;
        UnitCode = unit.Code;
        Action = action;
        From = from;
        To = unit.Status;
        Version = unit.Version;
        ActorId = actor.Id;
        ActorName = actor.Name;
        At = at;
        Deal = deal;
        Reason = reason;
    }

    public long Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    public string UnitCode { get; private set; } = "";

    public UnitAction Action { get; private set; }

    public UnitStatus From { get; private set; }

    public UnitStatus To { get; private set; }

    /// <summary>The unit's version after this transition.</summary>
    public int Version { get; private set; }

    public int? DealId { get; private set; }

    public Deal? Deal { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public DateTime At { get; private set; }

    public string? Reason { get; private set; }
}
