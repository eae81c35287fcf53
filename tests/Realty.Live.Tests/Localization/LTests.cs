using Realty.Live.Tests.Support;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Localization;

public sealed class LTests
{
    [Theory]
    [InlineData("zh-CN", 5_267_200, "¥5,267,200", "526.7万")]
    [InlineData("en", 5_267_200, "¥5,267,200", "¥5.27M")]
    public void MoneyIsShownInYuanWithTheCulturesGroupingAndShortOnTheBoard(string culture, decimal amount, string full, string shortForm)
    {
        using var _ = CultureScope.Of(culture);

        Assert.Equal((full, shortForm), (L.Money(amount), L.MoneyShort(amount)));
    }

    [Fact]
    public void TickerTimesAreClockTimesTodayAndDatesBefore()
    {
        using var _ = CultureScope.Of("en");
        var now = new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc);

        Assert.Equal("13:30", L.TimeOrDate(new DateTime(2026, 11, 23, 5, 30, 0, DateTimeKind.Utc), now));
        // 15:30 UTC on the 22nd is 23:30 in Shanghai, still the day before.
        Assert.Equal("11-22", L.TimeOrDate(new DateTime(2026, 11, 22, 15, 30, 0, DateTimeKind.Utc), now));
    }

    [Theory]
    [InlineData("zh-CN", "请先登录")]
    [InlineData("en", "Sign in first")]
    public void HttpErrorsAreExplainedInTheCallersLanguage(string culture, string start)
    {
        using var _ = CultureScope.Of(culture);

        Assert.StartsWith(start, L.StatusDetail(401));
    }
}
