using System.Text.RegularExpressions;

namespace Realty.Live.Web.Domain;

/// <summary>The buyer a deal is made for: a name and a normalised mobile number, and the registered customer it is, when known.</summary>
public sealed partial record CustomerContact
{
    public const int MaxNameLength = 40;

    private CustomerContact(string name, string phone) => (Name, Phone) = (name, phone);

    public string Name { get; }

    /// <summary>Mainland mobiles as 11 digits; other countries in E.164 (+ and 8–15 digits).</summary>
    public string Phone { get; }

    /// <summary>The customer of the project this buyer is registered as; null for a buyer only typed in.</summary>
    public int? CustomerId { get; init; }

    /// <summary>The buyer as registered: the deal carries the customer's own name and number.</summary>
    public static CustomerContact Of(Customer customer) => new(customer.Name, customer.Mobile) { CustomerId = customer.Id };

    public static CustomerContact Create(string? name, string? phone)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("customer.name.required");
        }
        if (trimmed.Length > MaxNameLength)
        {
            throw new DomainException("customer.name.tooLong", MaxNameLength);
        }
        if (trimmed.Any(char.IsControl) || trimmed.IndexOfAny(['<', '>']) >= 0)
        {
            throw new DomainException("customer.name.invalid");
        }
        return new CustomerContact(trimmed, NormalisePhone(phone));
    }

    public static string NormalisePhone(string? phone)
    {
        var raw = (phone ?? "").Trim();
        if (raw.Length == 0)
        {
            throw new DomainException("customer.phone.required");
        }
        var compact = Separators().Replace(raw, "");
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }
        if (compact.StartsWith("+86", StringComparison.Ordinal))
        {
            compact = compact[3..];
        }
        if (MainlandMobile().IsMatch(compact))
        {
            return compact;
        }
        if (E164().IsMatch(compact))
        {
            return compact;
        }
        throw new DomainException("customer.phone.invalid", raw.Length > 24 ? raw[..24] + "…" : raw);
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();

    // E.164 allows at most 15 digits; fewer than 8 is no mobile number anywhere.
    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex E164();
}
