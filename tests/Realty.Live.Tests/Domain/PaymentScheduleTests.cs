using Realty.Live.Web.Domain;
using static Realty.Live.Web.Domain.ReceivableKind;

namespace Realty.Live.Tests.Domain;

public sealed class PaymentScheduleTests
{
    private static readonly DateOnly Subscribed = new(2026, 11, 22);
    private static readonly DateOnly Contract = new(2026, 11, 29);

    [Fact]
    public void OneOffTheEarnestThenTheRestWithinTheDaysOfThePlan()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("一次性", PaymentPlanKind.OneOff, 100, DownPaymentDays: 15));

        var lines = PaymentSchedule.For(3_000_000m, plan, Contract, 50_000m, Subscribed);

        // 3,000,000 − 50,000 earnest = 2,950,000, due 29 Nov + 15 days = 14 Dec
        Assert.Equal(
            [
                new ScheduleLine(Earnest, 1, Subscribed, 50_000m),
                new ScheduleLine(DownPayment, 2, new DateOnly(2026, 12, 14), 2_950_000m),
            ],
            lines);
    }

    [Fact]
    public void InstalmentsEachOnTheirDayTheOddFenGoesToTheDownPayment()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("分期", PaymentPlanKind.Instalments, 30, DownPaymentDays: 7, Instalments: [new(30, 180), new(40, 90)]));

        var lines = PaymentSchedule.For(2_345_678.91m, plan, Contract, 50_000m, Subscribed);

        // 40 %: 2,345,678.91 × 0.4 = 938,271.564 → 938,271.56, due 29 Nov + 90 = 27 Feb 2027
        // 30 %: 2,345,678.91 × 0.3 = 703,703.673 → 703,703.67, due 29 Nov + 180 = 28 May 2027
        // down payment: 2,345,678.91 − 938,271.56 − 703,703.67 = 703,703.68 (30 % and the odd fen)
        //   less the earnest 50,000 = 653,703.68, due 29 Nov + 7 = 6 Dec
        Assert.Equal(
            [
                new ScheduleLine(Earnest, 1, Subscribed, 50_000m),
                new ScheduleLine(DownPayment, 2, new DateOnly(2026, 12, 6), 653_703.68m),
                new ScheduleLine(Instalment, 3, new DateOnly(2027, 2, 27), 938_271.56m),
                new ScheduleLine(Instalment, 4, new DateOnly(2027, 5, 28), 703_703.67m),
            ],
            lines);
        Assert.Equal(2_345_678.91m, lines.Sum(l => l.Amount));
    }

    [Fact]
    public void AMortgageTheBankPaysItsShareWhenTheLoanComes()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, DownPaymentDays: 7, LoanPercent: 70, LoanDays: 60));

        var lines = PaymentSchedule.For(3_626_750m, plan, Contract, 50_000m, Subscribed);

        // loan 70 %: 3,626,750 × 0.7 = 2,538,725.00, due 29 Nov + 60 = 28 Jan 2027
        // down 3,626,750 − 2,538,725 = 1,088,025, less 50,000 earnest = 1,038,025
        Assert.Equal(
            [
                new ScheduleLine(Earnest, 1, Subscribed, 50_000m),
                new ScheduleLine(DownPayment, 2, new DateOnly(2026, 12, 6), 1_038_025m),
                new ScheduleLine(MortgageLoan, 3, new DateOnly(2027, 1, 28), 2_538_725m),
            ],
            lines);
    }

    [Fact]
    public void AProvidentFundLoan()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("公积金", PaymentPlanKind.ProvidentFund, 40, DownPaymentDays: 10, FundPercent: 60, LoanDays: 90));

        var lines = PaymentSchedule.For(1_999_999.99m, plan, Contract, 0m, Subscribed);

        // fund 60 %: 1,999,999.99 × 0.6 = 1,199,999.994 → 1,199,999.99, due 29 Nov + 90 = 27 Feb 2027
        // down 1,999,999.99 − 1,199,999.99 = 800,000.00, due 29 Nov + 10 = 9 Dec; no earnest, no earnest line
        Assert.Equal(
            [
                new ScheduleLine(DownPayment, 1, new DateOnly(2026, 12, 9), 800_000m),
                new ScheduleLine(FundLoan, 2, new DateOnly(2027, 2, 27), 1_199_999.99m),
            ],
            lines);
    }

    [Fact]
    public void AMixedLoanHasBothParts()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("组合贷", PaymentPlanKind.Mixed, 30, DownPaymentDays: 7, LoanPercent: 50, FundPercent: 20, LoanDays: 45));

        var lines = PaymentSchedule.For(1_000_000.05m, plan, Contract, 20_000m, Subscribed);

        // bank 50 %: 500,000.025 → 500,000.03; fund 20 %: 200,000.01; both due 29 Nov + 45 = 13 Jan 2027
        // down 1,000,000.05 − 500,000.03 − 200,000.01 = 300,000.01 (30 % = 300,000.015 → the fen it lost went to the bank line)
        //   less 20,000 earnest = 280,000.01
        Assert.Equal(
            [
                new ScheduleLine(Earnest, 1, Subscribed, 20_000m),
                new ScheduleLine(DownPayment, 2, new DateOnly(2026, 12, 6), 280_000.01m),
                new ScheduleLine(MortgageLoan, 3, new DateOnly(2027, 1, 13), 500_000.03m),
                new ScheduleLine(FundLoan, 4, new DateOnly(2027, 1, 13), 200_000.01m),
            ],
            lines);
        Assert.Equal(1_000_000.05m, lines.Sum(l => l.Amount));
    }

    [Fact]
    public void ThirdsThatRoundDownLeaveTheOddFenOnTheDownPayment()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("三期", PaymentPlanKind.Instalments, 33.34m, Instalments: [new(33.33m, 30), new(33.33m, 60)]));

        var lines = PaymentSchedule.For(100m, plan, Contract, 0m, Subscribed);

        // 100 × 33.33 % = 33.33 twice; down = 100 − 66.66 = 33.34
        Assert.Equal([33.34m, 33.33m, 33.33m], lines.Select(l => l.Amount));
    }

    [Fact]
    public void AnEarnestLargerThanTheDownPaymentIsCreditedToWhatFollows()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("低首付分期", PaymentPlanKind.Instalments, 5, DownPaymentDays: 7, Instalments: [new(45, 30), new(50, 60)]));

        var lines = PaymentSchedule.For(600_000m, plan, Contract, 50_000m, Subscribed);

        // down 5 % = 30,000 < earnest 50,000: no down payment line, 20,000 credited to the first instalment
        // 45 % = 270,000 − 20,000 = 250,000 (29 Dec); 50 % = 300,000 (28 Jan)
        Assert.Equal(
            [
                new ScheduleLine(Earnest, 1, Subscribed, 50_000m),
                new ScheduleLine(Instalment, 2, new DateOnly(2026, 12, 29), 250_000m),
                new ScheduleLine(Instalment, 3, new DateOnly(2027, 1, 28), 300_000m),
            ],
            lines);
    }

    [Fact]
    public void AnEarnestLargerThanTheDownPaymentAndTheFirstPartCoversBoth()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("低首付分期", PaymentPlanKind.Instalments, 10, Instalments: [new(10, 30), new(80, 60)]));

        var lines = PaymentSchedule.For(100_000m, plan, Contract, 25_000m, Subscribed);

        // down 10,000 and first instalment 10,000 are paid by the earnest; 5,000 left over comes off the 80,000
        Assert.Equal([(Earnest, 25_000m), (Instalment, 75_000m)], lines.Select(l => (l.Kind, l.Amount)));
        Assert.Equal([1, 2], lines.Select(l => l.Sequence));
    }

    [Fact]
    public void AnEarnestOfTheWholePriceLeavesNothingOwed()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 70));

        var lines = PaymentSchedule.For(800_000m, plan, Contract, 800_000m, Subscribed);

        Assert.Equal(new ScheduleLine(Earnest, 1, Subscribed, 800_000m), Assert.Single(lines));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(800_000.01)]
    public void AnEarnestBelowZeroOrAboveThePriceIsRefused(decimal earnest)
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("一次性", PaymentPlanKind.OneOff, 100));

        Assert.Equal("deal.earnest.range", Assert.Throws<DomainException>(() => PaymentSchedule.For(800_000m, plan, Contract, earnest, Subscribed)).Key);
    }

    public static TheoryData<decimal, decimal> PricesAndEarnests() => new()
    {
        { 1_000_000.01m, 0m },
        { 2_345_678.91m, 50_000m },
        { 3_517_947.49m, 1_500_000m },
        { 999_999.99m, 999_999.99m },
        { 0.07m, 0.03m },
    };

    [Theory]
    [MemberData(nameof(PricesAndEarnests))]
    public void EveryPlansLinesAddUpToThePriceExactly(decimal price, decimal earnest)
    {
        PaymentPlanTerms[] plans =
        [
            new("一次性", PaymentPlanKind.OneOff, 100),
            new("三期", PaymentPlanKind.Instalments, 33.34m, Instalments: [new(33.33m, 30), new(33.33m, 60)]),
            new("按揭", PaymentPlanKind.Mortgage, 35, LoanPercent: 65),
            new("公积金", PaymentPlanKind.ProvidentFund, 20, FundPercent: 80),
            new("组合贷", PaymentPlanKind.Mixed, 30, LoanPercent: 37.5m, FundPercent: 32.5m),
        ];

        foreach (var terms in plans)
        {
            var lines = PaymentSchedule.For(price, new PaymentPlan(1, terms), Contract, earnest, Subscribed);

            Assert.Equal(price, lines.Sum(l => l.Amount));
            Assert.All(lines, l => Assert.True(l.Amount > 0 && l.Amount == Money.Fen(l.Amount)));
            Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(l => l.Sequence));
        }
    }
}
