namespace Realty.Live.Web.Domain;

public enum RepaymentMethod
{
    /// <summary>等额本息: the same payment every month.</summary>
    EqualInstalments,

    /// <summary>等额本金: the same share of principal every month, interest on what is left.</summary>
    EqualPrincipal,
}

/// <summary>What a loan costs, as a customer compares the two ways to repay it.</summary>
/// <param name="FirstPayment">The first month's payment.</param>
/// <param name="LastPayment">The last month's payment (the same as the first for equal instalments).</param>
/// <param name="MonthlyDecrease">How much less each month pays (equal principal only).</param>
public sealed record MortgageResult(
    RepaymentMethod Method,
    decimal Principal,
    int Months,
    decimal FirstPayment,
    decimal LastPayment,
    decimal MonthlyDecrease,
    decimal TotalInterest,
    decimal TotalPayment);

/// <summary>The mortgage calculator of the unit sheet and the quote.</summary>
public static class Mortgage
{
    public const int MaxYears = 30;
    public const decimal MaxAnnualRatePercent = 24m;

    /// <param name="annualRatePercent">The yearly rate in percent, e.g. 3.5; the bank charges a twelfth each month.</param>
    public static MortgageResult Calculate(decimal principal, decimal annualRatePercent, int years, RepaymentMethod method)
    {
        if (principal <= 0 || principal > Money.MaxPrice)
        {
            throw new DomainException("mortgage.principal.invalid");
        }
        if (annualRatePercent < 0 || annualRatePercent > MaxAnnualRatePercent)
        {
            throw new DomainException("mortgage.rate.invalid", MaxAnnualRatePercent);
        }
        if (years < 1 || years > MaxYears)
        {
            throw new DomainException("mortgage.years.invalid", MaxYears);
        }
        var months = years * 12;
        var rate = annualRatePercent / 100m / 12m;
        return method == RepaymentMethod.EqualInstalments
            ? EqualInstalments(principal, rate, months)
            : EqualPrincipal(principal, rate, months);
    }

    private static MortgageResult EqualInstalments(decimal principal, decimal rate, int months)
    {
        if (rate == 0)
        {
            // Without interest the buyer pays back the loan, no fen more: each month is cut to the fen, never
            // rounded up (a small loan would leave the last month negative), and the last month takes the rest.
            var part = Math.Round(principal / months, 2, MidpointRounding.ToZero);
            return new MortgageResult(RepaymentMethod.EqualInstalments, principal, months, part, principal - part * (months - 1), 0, 0, principal);
        }
        var growth = 1m;
        for (var i = 0; i < months; i++)
        {
            growth *= 1 + rate;
        }
        var payment = Money.Fen(principal * rate * growth / (growth - 1));
        var total = payment * months;
        return new MortgageResult(RepaymentMethod.EqualInstalments, principal, months, payment, payment, 0, total - principal, total);
    }

    private static MortgageResult EqualPrincipal(decimal principal, decimal rate, int months)
    {
        var share = principal / months;
        var first = Money.Fen(share + principal * rate);
        var last = Money.Fen(share + share * rate);
        // Interest falls by one share's interest each month: an arithmetic series.
        var interest = Money.Fen(principal * rate * (months + 1) / 2);
        return new MortgageResult(RepaymentMethod.EqualPrincipal, principal, months, first, last, Money.Fen(share * rate), interest, principal + interest);
    }
}
