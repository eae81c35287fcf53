using System.Globalization;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using static Realty.Live.Tests.Support.UnitBuilder;

namespace Realty.Live.Tests.Domain;

/// <summary>调价 of 1#-501: 105 m² gross, 81.9 m² net, listed at 4,200,000 with its floor at 4,074,000.</summary>
public sealed class UnitRepriceTests
{
    private static readonly DateTime Now = Moments.Start;

    [Fact]
    public void APricePerSquareMetreOfGrossAreaMakesTheListPrice()
    {
        var unit = AUnit().Build();

        var change = unit.Reprice(People.Chen, PriceBasis.GrossArea, 41_000m, 4_175_850m, Now, " 年底调价 ");

        // 41,000 × 105 = 4,305,000
        Assert.Equal((PriceBasis.GrossArea, 41_000m, 4_305_000m, 4_175_850m), (unit.PriceBasis, unit.UnitPrice, unit.ListPrice, unit.FloorPrice));
        Assert.Equal((UnitAction.Reprice, UnitStatus.Available, UnitStatus.Available, "年底调价", 3), (change.Action, change.From, change.To, change.Reason, unit.Version));
    }

    [Fact]
    public void APricePerSquareMetreOfNetAreaIsTimesTheNetArea()
    {
        var unit = AUnit().Build();

        unit.Reprice(People.Chen, PriceBasis.NetArea, 52_000.005m, 4_000_000m, Now, null);

        // 52,000.005 × 81.9 = 4,258,800.4095 → 4,258,800.41; the unit price kept to the fen: 52,000.01
        Assert.Equal((52_000.01m, 4_258_800.41m), (unit.UnitPrice, unit.ListPrice));
    }

    [Fact]
    public void ATotalIsKeptToTheFenAndReadAsAPricePerSquareMetreOfGrossArea()
    {
        var unit = AUnit().Build();

        unit.Reprice(People.Chen, PriceBasis.Total, 4_321_098.765m, 4_200_000m, Now, null);

        // 4,321,098.765 → 4,321,098.77; / 105 = 41,153.3216… → 41,153.32
        Assert.Equal((4_321_098.77m, 41_153.32m), (unit.ListPrice, unit.UnitPrice));
    }

    [Theory]
    [InlineData(PriceBasis.Total, "0", "1", "price.amount.range")]
    [InlineData(PriceBasis.Total, "-4200000", "1", "price.amount.range")]
    [InlineData(PriceBasis.Total, "1000000000.01", "1", "price.amount.range")]
    // 10,000,000 per m² × 105 m² = 1,050,000,000: above any housing price.
    [InlineData(PriceBasis.GrossArea, "10000000", "1", "price.amount.range")]
    // 0.00001 per m² × 105 m² = 0.00105: a list price of 0.00.
    [InlineData(PriceBasis.GrossArea, "0.00001", "0.001", "price.amount.range")]
    // Too large to multiply by the area at all.
    [InlineData(PriceBasis.GrossArea, "1000000000000000000000000000", "1", "price.amount.range")]
    [InlineData(PriceBasis.Total, "4200000", "0", "price.floor.range")]
    [InlineData(PriceBasis.Total, "4200000", "0.004", "price.floor.range")]
    [InlineData(PriceBasis.Total, "4200000", "4200000.01", "price.floor.range")]
    public void AnAbsurdPriceIsRefusedAndTheUnitKeepsItsPrices(PriceBasis basis, string amount, string floor, string key)
    {
        var unit = AUnit().Build();

        var error = Assert.Throws<DomainException>(() => unit.Reprice(People.Chen, basis, Parse(amount), Parse(floor), Now, null));

        Assert.Equal((key, "1#-501"), (error.Key, Assert.Single(error.Args)));
        Assert.Equal((PriceBasis.GrossArea, 4_200_000m, 4_074_000m, 2), (unit.PriceBasis, unit.ListPrice, unit.FloorPrice, unit.Version));
    }

    [Fact]
    public void OnlyAManagerReprices()
    {
        var unit = AUnit().Build();

        var error = Assert.Throws<DomainException>(() => unit.Reprice(People.Wang, PriceBasis.Total, 4_300_000m, 4_200_000m, Now, null));

        Assert.Equal("unit.managerOnly", error.Key);
        Assert.Equal(4_200_000m, unit.ListPrice);
    }

    [Fact]
    public void AUnitInADealIsRepricedButItsDealKeepsItsPrices()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();

        unit.Reprice(People.Chen, PriceBasis.Total, 4_500_000m, 4_365_000m, Now, "涨价");

        Assert.Equal((4_500_000m, UnitStatus.Subscribed), (unit.ListPrice, unit.Status));
        Assert.Equal((4_200_000m, 4_074_000m, 4_200_000m), (unit.LiveDeal!.Price, unit.LiveDeal.FloorPrice, unit.LiveDeal.FinalPrice));
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
