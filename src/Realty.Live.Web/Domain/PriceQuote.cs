namespace Realty.Live.Web.Domain;

/// <summary>One step from the list price to the final price: what was taken off and what is left.</summary>
public sealed record PriceLine(int SchemeId, string Name, DiscountKind Kind, decimal Value, decimal Amount, decimal After);

/// <summary>The price of a unit for one buyer, with its breakdown, as the sheet shows and the deal keeps it.</summary>
public sealed record PriceQuote(decimal ListPrice, IReadOnlyList<PriceLine> Lines, decimal FinalPrice, decimal FloorPrice)
{
    public bool BelowFloor => FinalPrice < FloorPrice;

    public decimal Saving => ListPrice - FinalPrice;

    public IReadOnlyList<int> SchemeIds => [.. Lines.Select(l => l.SchemeId)];

    /// <summary>
    /// Percentages first, each on what is left; then points, each a share of the list price; then
    /// amounts per m² of gross area; then amounts off the total. Every line is rounded to the fen.
    /// A unit in a deal is priced at the list and floor prices the deal was struck at.
    /// </summary>
    public static PriceQuote For(Unit unit, string layoutCode, IEnumerable<DiscountScheme> schemes, DateOnly today, int? paymentPlanId)
    {
        var (listPrice, floorPrice) = unit.LiveDeal is { } deal ? (deal.Price, deal.FloorPrice) : (unit.ListPrice, unit.FloorPrice);
        var chosen = schemes.DistinctBy(s => s.Id).OrderBy(s => Order(s.Kind)).ThenBy(s => s.Id).ToList();
        foreach (var scheme in chosen)
        {
            if (scheme.Refusal(unit, layoutCode, today, paymentPlanId) is { } refusal)
            {
                throw new DomainException(refusal, scheme.Name, unit.Code);
            }
        }
        var lines = new List<PriceLine>();
        var price = listPrice;
        foreach (var scheme in chosen)
        {
            var after = scheme.Kind switch
            {
                DiscountKind.Percent => Money.Fen(price * scheme.Value / 100m),
                DiscountKind.Points => price - Money.Fen(listPrice * scheme.Value / 100m),
                DiscountKind.AmountOffPerM2 => price - Money.Fen(scheme.Value * unit.GrossArea),
                _ => price - scheme.Value,
            };
            lines.Add(new PriceLine(scheme.Id, scheme.Name, scheme.Kind, scheme.Value, after - price, after));
            price = after;
        }
        if (price <= 0)
        {
            throw new DomainException("discount.tooMuch", unit.Code);
        }
        return new PriceQuote(listPrice, lines, price, floorPrice);
    }

    /// <summary>Where a kind of discount comes in a breakdown; not the enum's order, in which the total comes before per m².</summary>
    internal static int Order(DiscountKind kind) => kind switch
    {
        DiscountKind.Percent => 0,
        DiscountKind.Points => 1,
        DiscountKind.AmountOffPerM2 => 2,
        _ => 3,
    };
}
