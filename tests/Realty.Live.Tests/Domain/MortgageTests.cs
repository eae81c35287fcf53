using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class MortgageTests
{
    [Fact]
    public void EqualInstalmentsOfAMillionAt3Point6PercentOver30YearsPay4546Point45AMonth()
    {
        // r = 3.6 % / 12 = 0.003, n = 30 × 12 = 360, (1.003)^360 = 2.9399225…
        // payment = P·r·(1+r)^n / ((1+r)^n − 1) = 1,000,000 × 0.003 × 2.9399225 / 1.9399225
        //         = 3,000 × 1.5154845 = 4,546.4535… → 4,546.45
        // total = 4,546.45 × 360 = 1,636,722.00; interest = 636,722.00
        var loan = Mortgage.Calculate(1_000_000m, 3.6m, 30, RepaymentMethod.EqualInstalments);

        Assert.Equal(
            (RepaymentMethod.EqualInstalments, 1_000_000m, 360, 4_546.45m, 4_546.45m, 0m, 636_722.00m, 1_636_722.00m),
            (loan.Method, loan.Principal, loan.Months, loan.FirstPayment, loan.LastPayment, loan.MonthlyDecrease, loan.TotalInterest, loan.TotalPayment));
    }

    [Fact]
    public void EqualInstalmentsOfAOneYearLoanAt6Percent()
    {
        // r = 0.005, n = 12, (1.005)^12 = 1.0616778…
        // payment = 120,000 × 0.005 × 1.0616778 / 0.0616778 = 600 × 17.2132859 = 10,327.9716 → 10,327.97
        // total = 10,327.97 × 12 = 123,935.64; interest = 3,935.64
        var loan = Mortgage.Calculate(120_000m, 6m, 1, RepaymentMethod.EqualInstalments);

        Assert.Equal((12, 10_327.97m, 10_327.97m, 3_935.64m, 123_935.64m), (loan.Months, loan.FirstPayment, loan.LastPayment, loan.TotalInterest, loan.TotalPayment));
    }

    [Fact]
    public void EqualPrincipalOfAMillionAt3Point6PercentOver30Years()
    {
        // share = 1,000,000 / 360 = 2,777.777…
        // first = share + P·r = 2,777.78 + 3,000 = 5,777.777… → 5,777.78
        // last = share + share·r = 2,777.777… × 1.003 = 2,786.111… → 2,786.11
        // each month pays share·r = 8.333… → 8.33 less
        // interest = P·r·(n+1)/2 = 1,000,000 × 0.003 × 361 / 2 = 541,500.00
        var loan = Mortgage.Calculate(1_000_000m, 3.6m, 30, RepaymentMethod.EqualPrincipal);

        Assert.Equal(
            (RepaymentMethod.EqualPrincipal, 360, 5_777.78m, 2_786.11m, 8.33m, 541_500.00m, 1_541_500.00m),
            (loan.Method, loan.Months, loan.FirstPayment, loan.LastPayment, loan.MonthlyDecrease, loan.TotalInterest, loan.TotalPayment));
    }

    [Fact]
    public void EqualPrincipalOfAOneYearLoanAt6PercentFallsBy50AMonth()
    {
        // share = 120,000 / 12 = 10,000; r = 0.005
        // first = 10,000 + 120,000 × 0.005 = 10,600; last = 10,000 + 10,000 × 0.005 = 10,050; decrease = 50
        // interest = 600 + 550 + … + 50 = 50 × (12 + 11 + … + 1) = 50 × 78 = 3,900 = 120,000 × 0.005 × 13 / 2
        var loan = Mortgage.Calculate(120_000m, 6m, 1, RepaymentMethod.EqualPrincipal);

        Assert.Equal((10_600m, 10_050m, 50m, 3_900m, 123_900m), (loan.FirstPayment, loan.LastPayment, loan.MonthlyDecrease, loan.TotalInterest, loan.TotalPayment));
        Assert.Equal(loan.LastPayment, loan.FirstPayment - 11 * loan.MonthlyDecrease);
    }

    [Fact]
    public void EqualPrincipalCostsLessInterestThanEqualInstalmentsButStartsHigher()
    {
        var instalments = Mortgage.Calculate(1_000_000m, 3.6m, 30, RepaymentMethod.EqualInstalments);
        var principal = Mortgage.Calculate(1_000_000m, 3.6m, 30, RepaymentMethod.EqualPrincipal);

        Assert.True(principal.TotalInterest < instalments.TotalInterest);
        Assert.True(principal.FirstPayment > instalments.FirstPayment);
        Assert.True(principal.LastPayment < instalments.LastPayment);
    }

    [Fact]
    public void AnInterestFreeLoanInEqualInstalmentsPaysBackThePrincipalToTheFen()
    {
        // 1,000,000 / 360 = 2,777.777…, cut to 2,777.77 a month;
        // the last month pays the rest: 1,000,000 − 2,777.77 × 359 = 1,000,000 − 997,219.43 = 2,780.57
        var loan = Mortgage.Calculate(1_000_000m, 0m, 30, RepaymentMethod.EqualInstalments);

        Assert.Equal((2_777.77m, 2_780.57m, 0m, 1_000_000m), (loan.FirstPayment, loan.LastPayment, loan.TotalInterest, loan.TotalPayment));
        Assert.Equal(loan.TotalPayment, loan.FirstPayment * 359 + loan.LastPayment);
    }

    [Fact]
    public void ASmallInterestFreeLoanNeverEndsWithANegativeMonth()
    {
        // 100 / 360 = 0.2777…: rounded up to 0.28, 359 months would already pay 100.52.
        // Cut to 0.27: the last month pays 100 − 0.27 × 359 = 100 − 96.93 = 3.07
        var loan = Mortgage.Calculate(100m, 0m, 30, RepaymentMethod.EqualInstalments);

        Assert.Equal((0.27m, 3.07m, 0m, 100m), (loan.FirstPayment, loan.LastPayment, loan.TotalInterest, loan.TotalPayment));
    }

    [Fact]
    public void AnInterestFreeLoanInEqualPrincipalPaysTheSameEveryMonth()
    {
        // 120,000 / 12 = 10,000 every month, nothing falls.
        var loan = Mortgage.Calculate(120_000m, 0m, 1, RepaymentMethod.EqualPrincipal);

        Assert.Equal((10_000m, 10_000m, 0m, 0m, 120_000m), (loan.FirstPayment, loan.LastPayment, loan.MonthlyDecrease, loan.TotalInterest, loan.TotalPayment));
    }

    [Theory]
    [InlineData(10_000, 3.5, 1)]
    [InlineData(1_000_000_000, 3.5, 30)]
    [InlineData(500_000, 24, 30)]
    [InlineData(500_000, 0, 1)]
    public void LimitsThemselvesAreAccepted(decimal principal, decimal rate, int years)
    {
        foreach (var method in Enum.GetValues<RepaymentMethod>())
        {
            var loan = Mortgage.Calculate(principal, rate, years, method);

            Assert.Equal(years * 12, loan.Months);
            Assert.True(loan.FirstPayment > 0 && loan.LastPayment > 0);
        }
    }

    [Theory]
    [InlineData(0, 3.5, 30, "mortgage.principal.invalid")]
    [InlineData(-500_000, 3.5, 30, "mortgage.principal.invalid")]
    [InlineData(1_000_000_000.01, 3.5, 30, "mortgage.principal.invalid")]
    [InlineData(500_000, -0.1, 30, "mortgage.rate.invalid")]
    [InlineData(500_000, 24.01, 30, "mortgage.rate.invalid")]
    [InlineData(500_000, 3.5, 0, "mortgage.years.invalid")]
    [InlineData(500_000, 3.5, 31, "mortgage.years.invalid")]
    public void BadLoansAreRefusedWithTheirReason(decimal principal, decimal rate, int years, string key)
    {
        foreach (var method in Enum.GetValues<RepaymentMethod>())
        {
            var error = Assert.Throws<DomainException>(() => Mortgage.Calculate(principal, rate, years, method));

            Assert.Equal(key, error.Key);
        }
    }

    [Fact]
    public void TheRefusalsNameTheLimits()
    {
        Assert.Equal([24m], Assert.Throws<DomainException>(() => Mortgage.Calculate(1m, 25m, 1, RepaymentMethod.EqualPrincipal)).Args);
        Assert.Equal([30], Assert.Throws<DomainException>(() => Mortgage.Calculate(1m, 1m, 40, RepaymentMethod.EqualPrincipal)).Args);
    }
}
