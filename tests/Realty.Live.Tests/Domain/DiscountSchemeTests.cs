using System.Globalization;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class DiscountSchemeTests
{
    private static readonly DateOnly Day = new(2026, 10, 1);

    [Fact]
    public void ASchemeKeepsItsTermsTidied()
    {
        var scheme = new DiscountScheme(3, new DiscountTerms("  员工内购  ", DiscountKind.Percent, 95.5m, Day, Day.AddDays(6), " 员工 Staff ", [" 03", "04", "03", " "], ["A", " B "], 12));

        Assert.Equal((3, "员工内购", DiscountKind.Percent, 95.5m, Day, new DateOnly(2026, 10, 7), "员工 Staff", 12, true),
            (scheme.ProjectId, scheme.Name, scheme.Kind, scheme.Value, scheme.ValidFrom, scheme.ValidTo, scheme.Identity, scheme.PaymentPlanId, scheme.Active));
        Assert.Equal(["03", "04"], scheme.Stacks);
        Assert.Equal(["A", "B"], scheme.Layouts);
    }

    [Theory]
    [InlineData(DiscountKind.Percent, "0.01")]
    [InlineData(DiscountKind.Percent, "99.99")]
    [InlineData(DiscountKind.Points, "0.01")]
    [InlineData(DiscountKind.Points, "20")]
    [InlineData(DiscountKind.AmountOffTotal, "0.01")]
    [InlineData(DiscountKind.AmountOffTotal, "1000000000")]
    [InlineData(DiscountKind.AmountOffPerM2, "500")]
    public void ValuesAtTheLimitsAreAccepted(DiscountKind kind, string value)
    {
        var scheme = new DiscountScheme(1, new DiscountTerms("优惠", kind, Parse(value)));

        Assert.Equal(Parse(value), scheme.Value);
    }

    [Theory]
    [InlineData(DiscountKind.Percent, "100", "discount.percent.range")]
    [InlineData(DiscountKind.Percent, "120", "discount.percent.range")]
    [InlineData(DiscountKind.Percent, "0", "discount.percent.range")]
    [InlineData(DiscountKind.Percent, "-5", "discount.percent.range")]
    // Kept to the fen, 99.999 would be 100 %: no discount at all.
    [InlineData(DiscountKind.Percent, "99.999", "discount.percent.range")]
    [InlineData(DiscountKind.Percent, "0.004", "discount.percent.range")]
    [InlineData(DiscountKind.Points, "0", "discount.points.range")]
    [InlineData(DiscountKind.Points, "-1", "discount.points.range")]
    [InlineData(DiscountKind.Points, "20.01", "discount.points.range")]
    [InlineData(DiscountKind.AmountOffTotal, "0", "discount.amount.range")]
    [InlineData(DiscountKind.AmountOffTotal, "-10000", "discount.amount.range")]
    [InlineData(DiscountKind.AmountOffTotal, "0.004", "discount.amount.range")]
    [InlineData(DiscountKind.AmountOffTotal, "1000000000.01", "discount.amount.range")]
    [InlineData(DiscountKind.AmountOffPerM2, "-200", "discount.amount.range")]
    [InlineData(DiscountKind.AmountOffPerM2, "0", "discount.amount.range")]
    public void ValuesOutOfRangeAreRefused(DiscountKind kind, string value, string key)
    {
        var error = Assert.Throws<DomainException>(() => new DiscountScheme(1, new DiscountTerms("优惠", kind, Parse(value))));

        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void ValuesAreKeptToTheFen()
    {
        // 1,234.565 off → 1,234.57 (half away from zero)
        Assert.Equal(1_234.57m, new DiscountScheme(1, new DiscountTerms("优惠", DiscountKind.AmountOffTotal, 1_234.565m)).Value);
    }

    [Fact]
    public void PointsRefusalNamesTheMostPoints()
    {
        Assert.Equal([20m], Assert.Throws<DomainException>(() => new DiscountScheme(1, new DiscountTerms("减点", DiscountKind.Points, 21m))).Args);
    }

    [Fact]
    public void TheLastDayComesAfterTheFirst()
    {
        var error = Assert.Throws<DomainException>(() => new DiscountScheme(1, new DiscountTerms("国庆", DiscountKind.Percent, 98m, Day, Day.AddDays(-1))));
        var oneDay = new DiscountScheme(1, new DiscountTerms("国庆", DiscountKind.Percent, 98m, Day, Day));
        var openEnded = new DiscountScheme(1, new DiscountTerms("国庆", DiscountKind.Percent, 98m, ValidTo: Day));

        Assert.Equal("discount.dates.order", error.Key);
        Assert.Equal((Day, Day), (oneDay.ValidFrom, oneDay.ValidTo));
        Assert.Equal((null, Day), (openEnded.ValidFrom, openEnded.ValidTo));
    }

    [Theory]
    [InlineData(null, "discount.name.required")]
    [InlineData("   ", "discount.name.required")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "discount.name.tooLong")]
    public void ASchemeNeedsAShortName(string? name, string key)
    {
        var error = Assert.Throws<DomainException>(() => new DiscountScheme(1, new DiscountTerms(name, DiscountKind.Percent, 98m)));

        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void FortyCharactersAreEnoughForAName()
    {
        var name = new string('惠', DiscountScheme.MaxNameLength);

        Assert.Equal(name, new DiscountScheme(1, new DiscountTerms(name, DiscountKind.Percent, 98m)).Name);
    }

    [Fact]
    public void ARefusedUpdateChangesNothing()
    {
        var scheme = new DiscountScheme(1, new DiscountTerms("老业主", DiscountKind.AmountOffTotal, 10_000m, Identity: "老业主"));

        Assert.Throws<DomainException>(() => scheme.Update(new DiscountTerms("老业主加码", DiscountKind.Percent, 100m)));

        Assert.Equal(("老业主", DiscountKind.AmountOffTotal, 10_000m, "老业主"), (scheme.Name, scheme.Kind, scheme.Value, scheme.Identity));
    }

    [Fact]
    public void AnUpdateReplacesTheTerms()
    {
        var scheme = new DiscountScheme(1, new DiscountTerms("老业主", DiscountKind.AmountOffTotal, 10_000m, Identity: "老业主", Stacks: ["01"]));

        scheme.Update(new DiscountTerms("老业主", DiscountKind.AmountOffTotal, 20_000m));

        Assert.Equal((20_000m, null), (scheme.Value, scheme.Identity));
        Assert.Empty(scheme.Stacks);
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
