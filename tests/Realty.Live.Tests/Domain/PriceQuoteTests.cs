using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using static Realty.Live.Tests.Domain.Stored;

namespace Realty.Live.Tests.Domain;

public sealed class PriceQuoteTests
{
    private static readonly DateTime Now = Moments.Start;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    [Fact]
    public void PercentagesComeFirstEachOnWhatIsLeftThenPointsThenPerSquareMetreThenTheTotal()
    {
        var unit = AUnit(list: 2_345_678.91m, floor: 2_200_000m, area: 89.37m);
        // Given out of order on purpose: the quote puts them in the office's order.
        DiscountScheme[] schemes =
        [
            Scheme(5, DiscountKind.AmountOffTotal, 8_888m, "立减8888"),
            Scheme(4, DiscountKind.AmountOffPerM2, 123.45m, "单价优惠"),
            Scheme(3, DiscountKind.Points, 0.5m, "减0.5点"),
            Scheme(2, DiscountKind.Percent, 99m, "99折"),
            Scheme(1, DiscountKind.Percent, 97.5m, "97.5折"),
        ];

        var quote = PriceQuote.For(unit, "B", schemes, Today, null);

        // 97.5 %:          2,345,678.91 × 0.975 = 2,287,036.93725 → 2,287,036.94   (−58,641.97)
        // 99 % of that:    2,287,036.94 × 0.99  = 2,264,166.5706  → 2,264,166.57   (−22,870.37)
        // 0.5 point of the list price: 2,345,678.91 × 0.005 = 11,728.39455 → 11,728.39 → 2,252,438.18
        // 123.45 per m² × 89.37 m² = 11,032.7265 → 11,032.73 → 2,241,405.45
        // 8,888 off the total → 2,232,517.45
        Assert.Equal(
            [
                new PriceLine(1, "97.5折", DiscountKind.Percent, 97.5m, -58_641.97m, 2_287_036.94m),
                new PriceLine(2, "99折", DiscountKind.Percent, 99m, -22_870.37m, 2_264_166.57m),
                new PriceLine(3, "减0.5点", DiscountKind.Points, 0.5m, -11_728.39m, 2_252_438.18m),
                new PriceLine(4, "单价优惠", DiscountKind.AmountOffPerM2, 123.45m, -11_032.73m, 2_241_405.45m),
                new PriceLine(5, "立减8888", DiscountKind.AmountOffTotal, 8_888m, -8_888m, 2_232_517.45m),
            ],
            quote.Lines);
        Assert.Equal((2_345_678.91m, 2_232_517.45m, 2_200_000m, false), (quote.ListPrice, quote.FinalPrice, quote.FloorPrice, quote.BelowFloor));
        // 2,345,678.91 − 2,232,517.45
        Assert.Equal(113_161.46m, quote.Saving);
        Assert.Equal([1, 2, 3, 4, 5], quote.SchemeIds);
    }

    [Fact]
    public void PointsAreOfTheListPriceNotOfWhatIsLeft()
    {
        var unit = AUnit(list: 1_000_000m, floor: 800_000m);

        var quote = PriceQuote.For(unit, "B", [Scheme(1, DiscountKind.Percent, 90m), Scheme(2, DiscountKind.Points, 1m), Scheme(3, DiscountKind.Points, 1m)], Today, null);

        // 1,000,000 × 0.9 = 900,000; then 1 % of 1,000,000 twice: 900,000 − 10,000 − 10,000 = 880,000
        // (not 900,000 × 0.99 × 0.99 = 882,090)
        Assert.Equal([900_000m, 890_000m, 880_000m], quote.Lines.Select(l => l.After));
        Assert.Equal(880_000m, quote.FinalPrice);
    }

    [Fact]
    public void EveryLineIsRoundedToTheFenSoTheLinesAddUp()
    {
        // 1,000,000.01 × 0.97 = 970,000.0097 → 970,000.01; × 0.97 again = 940,900.0097 → 940,900.01
        var unit = AUnit(list: 1_000_000.01m, floor: 1m);

        var quote = PriceQuote.For(unit, "B", [Scheme(1, DiscountKind.Percent, 97m), Scheme(2, DiscountKind.Percent, 97m)], Today, null);

        Assert.Equal([970_000.01m, 940_900.01m], quote.Lines.Select(l => l.After));
        Assert.Equal(quote.ListPrice + quote.Lines.Sum(l => l.Amount), quote.FinalPrice);
    }

    [Fact]
    public void TheSameSchemeChosenTwiceCountsOnce()
    {
        var unit = AUnit(list: 1_000_000m, floor: 800_000m);
        var scheme = Scheme(1, DiscountKind.AmountOffTotal, 10_000m);

        var quote = PriceQuote.For(unit, "B", [scheme, scheme], Today, null);

        Assert.Equal(990_000m, quote.FinalPrice);
    }

    [Fact]
    public void NoDiscountIsTheListPrice()
    {
        var unit = AUnit(list: 3_626_750m, floor: 3_517_948m);

        var quote = PriceQuote.For(unit, "B", [], Today, null);

        Assert.Empty(quote.Lines);
        Assert.Equal((3_626_750m, 0m, false), (quote.FinalPrice, quote.Saving, quote.BelowFloor));
    }

    [Fact]
    public void APriceUnderTheFloorIsMarkedButTheFloorItselfIsNot()
    {
        var unit = AUnit(list: 1_000_000m, floor: 970_000m);

        var at = PriceQuote.For(unit, "B", [Scheme(1, DiscountKind.Percent, 97m)], Today, null);
        var under = PriceQuote.For(unit, "B", [Scheme(1, DiscountKind.Percent, 97m), Scheme(2, DiscountKind.AmountOffTotal, 0.01m)], Today, null);

        Assert.Equal((970_000m, false), (at.FinalPrice, at.BelowFloor));
        Assert.Equal((969_999.99m, true), (under.FinalPrice, under.BelowFloor));
    }

    public static TheoryData<string, DiscountScheme> SchemesThatCannotBeGiven() => new()
    {
        // The unit is stack 03, layout B; the quote is for today with no plan.
        { "discount.notValidToday", Scheme(1, DiscountKind.Percent, 98m, "国庆特惠", to: Today.AddDays(-1)) },
        { "discount.notValidToday", Scheme(1, DiscountKind.Percent, 98m, "国庆特惠", from: Today.AddDays(1)) },
        { "discount.notForStack", Scheme(1, DiscountKind.Percent, 98m, "国庆特惠", stacks: ["01", "02"]) },
        { "discount.notForLayout", Scheme(1, DiscountKind.Percent, 98m, "国庆特惠", layouts: ["A", "C"]) },
        { "discount.needsPlan", Scheme(1, DiscountKind.Percent, 98m, "国庆特惠", planId: 7) },
        { "discount.retired", Retired(Scheme(1, DiscountKind.Percent, 98m, "国庆特惠")) },
    };

    [Theory]
    [MemberData(nameof(SchemesThatCannotBeGiven))]
    public void ASchemeThatCannotBeGivenHereTodayIsRefusedWithItsReason(string key, DiscountScheme scheme)
    {
        var unit = AUnit(list: 1_000_000m, floor: 900_000m);
        var fine = Scheme(2, DiscountKind.AmountOffTotal, 1_000m);

        var error = Assert.Throws<DomainException>(() => PriceQuote.For(unit, "B", [fine, scheme], Today, null));

        Assert.Equal(key, error.Key);
        Assert.Equal(["国庆特惠", "2#-1203"], error.Args);
    }

    [Fact]
    public void ASchemeIsGivenOnItsFirstAndLastDayForItsStackLayoutAndPlan()
    {
        var unit = AUnit(list: 1_000_000m, floor: 900_000m);
        var scheme = Scheme(1, DiscountKind.Percent, 98m, "一次性付款98折", from: Today, to: Today, stacks: ["03"], layouts: ["B"], planId: 7);

        var quote = PriceQuote.For(unit, "B", [scheme], Today, paymentPlanId: 7);

        Assert.Equal(980_000m, quote.FinalPrice);
        Assert.Equal("discount.needsPlan", Assert.Throws<DomainException>(() => PriceQuote.For(unit, "B", [scheme], Today, paymentPlanId: 8)).Key);
    }

    [Fact]
    public void DiscountsThatLeaveNothingToPayAreRefused()
    {
        var unit = AUnit(list: 1_000_000m, floor: 1m);

        var error = Assert.Throws<DomainException>(() => PriceQuote.For(unit, "B", [Scheme(1, DiscountKind.AmountOffTotal, 1_000_000m)], Today, null));
        var aFenLeft = PriceQuote.For(unit, "B", [Scheme(1, DiscountKind.AmountOffTotal, 999_999.99m)], Today, null);

        Assert.Equal(("discount.tooMuch", "2#-1203"), (error.Key, Assert.Single(error.Args)));
        Assert.Equal(0.01m, aFenLeft.FinalPrice);
    }

    [Fact]
    public void ManyDiscountsTogetherCannotGoBelowZero()
    {
        // 100 m² × 6,000 off = 600,000, and 500,000 off the total: 1,000,000 − 1,100,000 < 0
        var unit = AUnit(list: 1_000_000m, floor: 1m, area: 100m);

        var error = Assert.Throws<DomainException>(() =>
            PriceQuote.For(unit, "B", [Scheme(1, DiscountKind.AmountOffPerM2, 6_000m), Scheme(2, DiscountKind.AmountOffTotal, 500_000m)], Today, null));

        Assert.Equal("discount.tooMuch", error.Key);
    }

    [Fact]
    public void AUnitInADealIsPricedAtTheDealsPricesNotTheNewListPrice()
    {
        var unit = AUnit(list: 1_000_000m, floor: 970_000m);
        unit.Hold(People.Wang, Customers.Zhang, Now, TimeSpan.FromMinutes(30));
        // 调价 after the hold: the unit's list goes up, the deal keeps what it was struck at.
        unit.Reprice(People.Chen, PriceBasis.Total, 1_100_000m, 1_067_000m, Now, "涨价");

        var quote = PriceQuote.For(unit, "B", [Scheme(1, DiscountKind.Percent, 98m)], Today, null);

        Assert.Equal((1_100_000m, 1_067_000m), (unit.ListPrice, unit.FloorPrice));
        // 1,000,000 × 0.98 = 980,000 against the deal's floor 970,000
        Assert.Equal((1_000_000m, 980_000m, 970_000m, false), (quote.ListPrice, quote.FinalPrice, quote.FloorPrice, quote.BelowFloor));
    }

    private static DiscountScheme Retired(DiscountScheme scheme)
    {
        scheme.Retire();
        return scheme;
    }

    private static Unit AUnit(decimal list, decimal floor, decimal area = 89.37m)
    {
        var unit = new Unit
        {
            Id = 1203,
            ProjectId = 1,
            BuildingId = 2,
            Code = "2#-1203",
            Floor = 12,
            Stack = "03",
            LayoutId = 2,
            GrossArea = area,
            NetArea = Money.Fen(area * 0.78m),
            Orientation = "东南",
            UnitPrice = Money.Fen(list / area),
            ListPrice = list,
            FloorPrice = floor,
        };
        unit.Initialise(UnitStatus.Available, Now.AddDays(-30));
        return unit;
    }
}
