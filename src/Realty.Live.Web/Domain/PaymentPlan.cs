namespace Realty.Live.Web.Domain;

public enum PaymentPlanKind
{
    /// <summary>一次性: the whole price soon after signing.</summary>
    OneOff,

    /// <summary>分期: the developer is paid in parts over months.</summary>
    Instalments,

    /// <summary>按揭: a down payment, the rest a commercial bank loan.</summary>
    Mortgage,

    /// <summary>公积金: a down payment, the rest a provident-fund loan.</summary>
    ProvidentFund,

    /// <summary>组合贷: a down payment, the rest part commercial, part provident fund.</summary>
    Mixed,
}

/// <summary>One later part of an instalment plan: a share of the price, due some days after signing.</summary>
public sealed record PlanInstalment(decimal Percent, int DaysAfterContract);

/// <summary>How a buyer pays: shares of the price and when each falls due, counted from the contract date.</summary>
public sealed class PaymentPlan
{
    public const int MaxNameLength = 40;
    public const int MaxDays = 3 * 365;

    private PaymentPlan()
    {
    }

    public PaymentPlan(int projectId, PaymentPlanTerms terms)
    {
        ProjectId = projectId;
        Apply(terms);
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public PaymentPlanKind Kind { get; private set; }

    /// <summary>The part paid to the developer first (首付), in percent of the price.</summary>
    public decimal DownPaymentPercent { get; private set; }

    public int DownPaymentDays { get; private set; }

    public List<PlanInstalment> Instalments { get; private set; } = [];

    /// <summary>Commercial bank loan, in percent of the price.</summary>
    public decimal LoanPercent { get; private set; }

    /// <summary>Provident-fund loan, in percent of the price.</summary>
    public decimal FundPercent { get; private set; }

    /// <summary>When the banks usually pay out, counted from the contract date.</summary>
    public int LoanDays { get; private set; }

    public bool Active { get; private set; } = true;

    public void Update(PaymentPlanTerms terms) => Apply(terms);

    public void Retire() => Active = false;

    private void Apply(PaymentPlanTerms terms)
    {
        var name = (terms.Name ?? "").Trim();
        if (name.Length == 0)
        {
            throw new DomainException("plan.name.required");
        }
        if (name.Length > MaxNameLength)
        {
            throw new DomainException("plan.name.tooLong", MaxNameLength);
        }
        var instalments = terms.Instalments ?? [];
        decimal[] shares = [terms.DownPaymentPercent, terms.LoanPercent, terms.FundPercent, .. instalments.Select(i => i.Percent)];
        if (shares.Any(s => s < 0 || s > 100))
        {
            throw new DomainException("plan.share.range");
        }
        if (shares.Sum() != 100)
        {
            throw new DomainException("plan.share.total", shares.Sum());
        }
        if (terms.DownPaymentPercent <= 0)
        {
            throw new DomainException("plan.downPayment.required");
        }
        int[] days = [terms.DownPaymentDays, terms.LoanDays, .. instalments.Select(i => i.DaysAfterContract)];
        if (days.Any(d => d < 0 || d > MaxDays))
        {
            throw new DomainException("plan.days.range", MaxDays);
        }
        var (loan, fund, parts) = (terms.LoanPercent > 0, terms.FundPercent > 0, instalments.Count > 0);
        var fits = terms.Kind switch
        {
            PaymentPlanKind.OneOff => !loan && !fund && !parts,
            PaymentPlanKind.Instalments => !loan && !fund && parts,
            PaymentPlanKind.Mortgage => loan && !fund,
            PaymentPlanKind.ProvidentFund => fund && !loan,
            _ => loan && fund,
        };
        if (!fits)
        {
            throw new DomainException("plan.kind.mismatch", terms.Kind);
        }
        Name = name;
        Kind = terms.Kind;
        DownPaymentPercent = terms.DownPaymentPercent;
        DownPaymentDays = terms.DownPaymentDays;
        Instalments = [.. instalments.OrderBy(i => i.DaysAfterContract)];
        LoanPercent = terms.LoanPercent;
        FundPercent = terms.FundPercent;
        LoanDays = terms.LoanDays;
    }
}

/// <summary>What a manager fills in for a payment plan.</summary>
public sealed record PaymentPlanTerms(
    string? Name,
    PaymentPlanKind Kind,
    decimal DownPaymentPercent,
    int DownPaymentDays = 7,
    IReadOnlyList<PlanInstalment>? Instalments = null,
    decimal LoanPercent = 0,
    decimal FundPercent = 0,
    int LoanDays = 60);
