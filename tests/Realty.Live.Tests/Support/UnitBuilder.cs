using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Support;

/// <summary>
/// Builds an in-memory unit and brings it to a status through the real state machine, so a held
/// or subscribed unit has the live deal (and the agent) that rules like "not your deal" look at.
/// </summary>
public sealed class UnitBuilder
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(30);

    private UnitStatus _status = UnitStatus.Available;
    private Actor _agent = People.Wang;

    public static UnitBuilder AUnit() => new();

    public UnitBuilder InState(UnitStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>The agent whose deal a held, deposited, subscribed or signed unit is in.</summary>
    public UnitBuilder InDealOf(Actor agent)
    {
        _agent = agent;
        return this;
    }

    public Unit Build()
    {
        var unit = new Unit
        {
            Id = 501,
            ProjectId = 1,
            BuildingId = 1,
            Code = "1#-501",
            Floor = 5,
            Stack = "01",
            LayoutId = 1,
            GrossArea = 105m,
            NetArea = 81.9m,
            Orientation = "南",
            UnitPrice = 40_000m,
            ListPrice = 4_200_000m,
            FloorPrice = 4_074_000m,
        };
        unit.Initialise(UnitStatus.Unreleased, Moments.Start.AddDays(-30));
        if (_status == UnitStatus.Unreleased)
        {
            return unit;
        }
        // Long enough ago that a hold's minutes and a deposit's days are up by the tests' "now".
        var at = Moments.Start.AddDays(-5);
        unit.Publish(People.Chen, at);
        switch (_status)
        {
            case UnitStatus.Withheld:
                unit.Withhold(People.Chen, "领导保留", at);
                break;
            case UnitStatus.Held:
                unit.Hold(_agent, Customers.Zhang, at, HoldFor);
                break;
            case UnitStatus.Deposited:
                unit.TakeDeposit(_agent, Customers.Zhang, at);
                break;
            case UnitStatus.Subscribed:
                unit.SubscribeAtList(_agent, Customers.Zhang, at);
                break;
            case UnitStatus.Signed:
                unit.SignAtList(_agent, Customers.Zhang, at);
                break;
        }
        return unit;
    }
}
