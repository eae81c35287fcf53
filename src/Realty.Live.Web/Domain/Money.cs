namespace Realty.Live.Web.Domain;

/// <summary>
/// Money is decimal CNY. Every amount the system states — a discount line, a price, an instalment — is
/// rounded to the fen (0.01), half away from zero (四舍五入), the way the sales office's forms and the
/// bank's statements round; sums are made of rounded parts, so what is printed adds up.
/// </summary>
public static class Money
{
    /// <summary>A price no unit of a housing project reaches: anything above is a typing mistake.</summary>
    public const decimal MaxPrice = 1_000_000_000m;

    public static decimal Fen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
