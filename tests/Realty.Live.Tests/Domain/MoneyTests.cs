using System.Globalization;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("0.015", "0.02")]
    [InlineData("0.025", "0.03")]
    [InlineData("2.675", "2.68")]
    [InlineData("1.234999", "1.23")]
    [InlineData("-1.234999", "-1.23")]
    [InlineData("0.0049999", "0.00")]
    [InlineData("1234567.895", "1234567.90")]
    [InlineData("-1234567.895", "-1234567.90")]
    [InlineData("4200000", "4200000")]
    public void FenRoundsHalfAwayFromZeroToTwoPlaces(string amount, string expected)
    {
        // 四舍五入: a half fen goes away from zero; anything under a half fen is dropped.
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Money.Fen(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0.025")]
    [InlineData("0.045")]
    [InlineData("-0.005")]
    public void FenDiffersFromBankersRoundingAtAnEvenFen(string amount)
    {
        // 0.025 → banker's 0.02 (to the even fen), 四舍五入 0.03.
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);

        Assert.NotEqual(Math.Round(value, 2), Money.Fen(value));
        Assert.Equal(Math.Round(value, 2) + (value > 0 ? 0.01m : -0.01m), Money.Fen(value));
    }
}
