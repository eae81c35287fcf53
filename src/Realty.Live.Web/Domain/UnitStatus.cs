namespace Realty.Live.Web.Domain;

/// <summary>The states of the sales-control state machine (see PRODUCT.md).</summary>
public enum UnitStatus
{
    Unreleased,
    Available,
    Withheld,
    Held,
    Deposited,
    Subscribed,
    Signed,
}

/// <summary>What a person (or the expiry job) can do to a unit.</summary>
public enum UnitAction
{
    Publish,
    Withdraw,
    Withhold,
    Unwithhold,
    Hold,
    Release,
    Deposit,
    Subscribe,
    Sign,
    Expire,

    /// <summary>调价: new list and floor prices.</summary>
    Reprice,

    /// <summary>An agent asked a manager for a change of the deal.</summary>
    RequestChange,

    /// <summary>The asked-for change was rejected or withdrawn.</summary>
    DropChange,

    /// <summary>退房, approved.</summary>
    Cancel,

    /// <summary>换房, approved: the deal left this unit…</summary>
    MoveOut,

    /// <summary>…and arrived on this one.</summary>
    MoveIn,

    /// <summary>An approved rename or new terms of the deal.</summary>
    Amend,

    /// <summary>A rehearsal's deal wiped.</summary>
    Reset,
}

/// <summary>What a list price is set by.</summary>
public enum PriceBasis
{
    /// <summary>按总价: the total is the price.</summary>
    Total,

    /// <summary>按建筑面积: a price per m² of gross area.</summary>
    GrossArea,

    /// <summary>按套内面积: a price per m² of net area.</summary>
    NetArea,
}

public static class UnitStatusNames
{
    // Made once: every board cell of every screen asks for these on every redraw.
    private static readonly string[] StatusWire = [.. Enum.GetNames<UnitStatus>().Select(n => n.ToLowerInvariant())];
    private static readonly string[] ActionWire = [.. Enum.GetNames<UnitAction>().Select(n => n.ToLowerInvariant())];

    /// <summary>The lower-case wire name used by the API, the hub and the markup contract.</summary>
    public static string ToWire(this UnitStatus status) => StatusWire[(int)status];

    public static string ToWire(this UnitAction action) => ActionWire[(int)action];

    /// <summary>
    /// The sheet's actions by their wire names only: Enum.TryParse would also take "4" (hold) or
    /// "publish,withdraw", and the other actions follow from requests, jobs and pricing.
    /// </summary>
    public static bool TryParseAction(string? value, out UnitAction action)
    {
        action = Unit.SheetActions.FirstOrDefault(a => string.Equals(a.ToWire(), value, StringComparison.OrdinalIgnoreCase), (UnitAction)(-1));
        return Unit.SheetActions.Contains(action);
    }
}
