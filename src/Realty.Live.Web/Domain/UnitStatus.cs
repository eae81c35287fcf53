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
}

public static class UnitStatusNames
{
    // Made once: every board cell of every screen asks for these on every redraw.
    private static readonly string[] StatusWire = [.. Enum.GetNames<UnitStatus>().Select(n => n.ToLowerInvariant())];
    private static readonly string[] ActionWire = [.. Enum.GetNames<UnitAction>().Select(n => n.ToLowerInvariant())];

    /// <summary>The lower-case wire name used by the API, the hub and the markup contract.</summary>
    public static string ToWire(this UnitStatus status) => StatusWire[(int)status];

    public static string ToWire(this UnitAction action) => ActionWire[(int)action];

    /// <summary>Only the names are wire words: Enum.TryParse would also take "4" (hold) or "publish,withdraw".</summary>
    public static bool TryParseAction(string? value, out UnitAction action)
    {
        var name = Enum.GetNames<UnitAction>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        action = name is null ? default : Enum.Parse<UnitAction>(name);
        return name is not null && action != UnitAction.Expire;
    }
}
