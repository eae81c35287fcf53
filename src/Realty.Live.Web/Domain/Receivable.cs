namespace Realty.Live.Web.Domain;

public enum ReceivableKind
{
    /// <summary>小订金: secures the unit for a few days.</summary>
    Deposit,

    /// <summary>定金: the earnest money of the subscription; counts towards the down payment.</summary>
    Earnest,

    DownPayment,
    Instalment,

    /// <summary>The commercial bank pays the loan part (按揭到账).</summary>
    MortgageLoan,

    /// <summary>The provident fund pays its loan part.</summary>
    FundLoan,
}

/// <summary>Money a deal's buyer owes by a date (应收): made from the deal's payment plan at each step.</summary>
public sealed class Receivable
{
    private Receivable()
    {
    }

    public Receivable(Deal deal, ReceivableKind kind, int sequence, DateOnly due, decimal amount)
    {
        ProjectId = deal.ProjectId;
        Deal = deal;
        Kind = kind;
        Sequence = sequence;
        Due = due;
        Amount = amount;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int DealId { get; private set; }

    public Deal? Deal { get; private set; }

    public ReceivableKind Kind { get; private set; }

    public int Sequence { get; private set; }

    public DateOnly Due { get; private set; }

    public decimal Amount { get; private set; }
}

/// <summary>One line of a schedule, before it is stored.</summary>
public sealed record ScheduleLine(ReceivableKind Kind, int Sequence, DateOnly Due, decimal Amount);

/// <summary>Builds what a buyer owes and when (供款表) from a price, a plan and the contract date.</summary>
public static class PaymentSchedule
{
    /// <summary>
    /// The earnest first (already due at the subscription), then the rest of the down payment, the
    /// instalments and the loan parts. Each part is rounded to the fen; the odd fen that rounding leaves
    /// goes to the down payment, so the lines add up to the price exactly.
    /// </summary>
    public static IReadOnlyList<ScheduleLine> For(decimal price, PaymentPlan plan, DateOnly contractDate, decimal earnest, DateOnly earnestPaidOn)
    {
        if (earnest < 0 || earnest > price)
        {
            throw new DomainException("deal.earnest.range");
        }
        var parts = new List<(ReceivableKind Kind, int Days, decimal Amount)>();
        foreach (var instalment in plan.Instalments)
        {
            parts.Add((ReceivableKind.Instalment, instalment.DaysAfterContract, Money.Fen(price * instalment.Percent / 100m)));
        }
        if (plan.LoanPercent > 0)
        {
            parts.Add((ReceivableKind.MortgageLoan, plan.LoanDays, Money.Fen(price * plan.LoanPercent / 100m)));
        }
        if (plan.FundPercent > 0)
        {
            parts.Add((ReceivableKind.FundLoan, plan.LoanDays, Money.Fen(price * plan.FundPercent / 100m)));
        }
        var down = price - parts.Sum(p => p.Amount);
        // Earnest beyond the down payment (a small down payment, a large earnest) is credited to what follows.
        var credit = Math.Max(0, earnest - down);
        var lines = new List<ScheduleLine>();
        if (earnest > 0)
        {
            lines.Add(new ScheduleLine(ReceivableKind.Earnest, 1, earnestPaidOn, earnest));
        }
        if (down - earnest > 0)
        {
            lines.Add(new ScheduleLine(ReceivableKind.DownPayment, lines.Count + 1, contractDate.AddDays(plan.DownPaymentDays), down - earnest));
        }
        foreach (var (kind, days, amount) in parts)
        {
            var owed = amount - Math.Min(amount, credit);
            credit -= amount - owed;
            if (owed > 0)
            {
                lines.Add(new ScheduleLine(kind, lines.Count + 1, contractDate.AddDays(days), owed));
            }
        }
        return lines;
    }
}
