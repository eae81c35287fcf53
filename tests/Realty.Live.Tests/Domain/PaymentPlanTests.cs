using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class PaymentPlanTests
{
    [Fact]
    public void AMortgagePlanKeepsItsShares()
    {
        var plan = new PaymentPlan(2, new PaymentPlanTerms(" 30%首付按揭 ", PaymentPlanKind.Mortgage, 30, DownPaymentDays: 7, LoanPercent: 70, LoanDays: 60));

        Assert.Equal((2, "30%首付按揭", PaymentPlanKind.Mortgage, 30m, 7, 70m, 0m, 60, true),
            (plan.ProjectId, plan.Name, plan.Kind, plan.DownPaymentPercent, plan.DownPaymentDays, plan.LoanPercent, plan.FundPercent, plan.LoanDays, plan.Active));
        Assert.Empty(plan.Instalments);
    }

    [Fact]
    public void InstalmentsAreKeptInTheOrderTheyFallDue()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("分期", PaymentPlanKind.Instalments, 30, Instalments: [new(30, 180), new(40, 90)]));

        Assert.Equal([new PlanInstalment(40, 90), new PlanInstalment(30, 180)], plan.Instalments);
    }

    [Fact]
    public void SharesWithDecimalsThatAddUpTo100AreAccepted()
    {
        // 33.33 + 33.33 + 33.34 = 100
        var plan = new PaymentPlan(1, new PaymentPlanTerms("三期", PaymentPlanKind.Instalments, 33.33m, Instalments: [new(33.33m, 30), new(33.34m, 60)]));

        Assert.Equal(2, plan.Instalments.Count);
    }

    public static TheoryData<PaymentPlanTerms, string> BadPlans() => new()
    {
        // 30 + 60 = 90
        { new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 60), "plan.share.total" },
        // 30 + 80 = 110
        { new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 80), "plan.share.total" },
        { new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 130, LoanPercent: -30), "plan.share.range" },
        { new PaymentPlanTerms("一次性", PaymentPlanKind.OneOff, 101), "plan.share.range" },
        { new PaymentPlanTerms("分期", PaymentPlanKind.Instalments, 0, Instalments: [new(100, 30)]), "plan.downPayment.required" },
        { new PaymentPlanTerms("一次性", PaymentPlanKind.OneOff, 100, DownPaymentDays: -1), "plan.days.range" },
        { new PaymentPlanTerms("分期", PaymentPlanKind.Instalments, 50, Instalments: [new(50, 1096)]), "plan.days.range" },
        { new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 70, LoanDays: 2000), "plan.days.range" },
        { new PaymentPlanTerms(null, PaymentPlanKind.OneOff, 100), "plan.name.required" },
        { new PaymentPlanTerms(" ", PaymentPlanKind.OneOff, 100), "plan.name.required" },
        { new PaymentPlanTerms(new string('付', 41), PaymentPlanKind.OneOff, 100), "plan.name.tooLong" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void ABadPlanIsRefusedWithItsReason(PaymentPlanTerms terms, string key)
    {
        Assert.Equal(key, Assert.Throws<DomainException>(() => new PaymentPlan(1, terms)).Key);
    }

    [Fact]
    public void TheRefusalSaysWhatTheSharesAddUpTo()
    {
        var error = Assert.Throws<DomainException>(() => new PaymentPlan(1, new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 60)));

        Assert.Equal([90m], error.Args);
    }

    public static TheoryData<PaymentPlanTerms> PlansThatFitTheirKind() => new()
    {
        new PaymentPlanTerms("一次性", PaymentPlanKind.OneOff, 100),
        new PaymentPlanTerms("分期", PaymentPlanKind.Instalments, 50, Instalments: [new(50, 90)]),
        new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 70),
        new PaymentPlanTerms("公积金", PaymentPlanKind.ProvidentFund, 20, FundPercent: 80),
        new PaymentPlanTerms("组合贷", PaymentPlanKind.Mixed, 30, LoanPercent: 40, FundPercent: 30),
    };

    [Theory]
    [MemberData(nameof(PlansThatFitTheirKind))]
    public void APlanWhoseSharesFitItsKindIsAccepted(PaymentPlanTerms terms)
    {
        Assert.Equal(terms.Kind, new PaymentPlan(1, terms).Kind);
    }

    public static TheoryData<PaymentPlanTerms> PlansThatDoNotFitTheirKind() => new()
    {
        new PaymentPlanTerms("一次性", PaymentPlanKind.OneOff, 30, LoanPercent: 70),
        new PaymentPlanTerms("一次性", PaymentPlanKind.OneOff, 50, Instalments: [new(50, 90)]),
        new PaymentPlanTerms("分期", PaymentPlanKind.Instalments, 100),
        new PaymentPlanTerms("分期", PaymentPlanKind.Instalments, 30, LoanPercent: 20, Instalments: [new(50, 90)]),
        new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 100),
        new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 40, FundPercent: 30),
        new PaymentPlanTerms("公积金", PaymentPlanKind.ProvidentFund, 30, LoanPercent: 70),
        new PaymentPlanTerms("组合贷", PaymentPlanKind.Mixed, 30, LoanPercent: 70),
        new PaymentPlanTerms("组合贷", PaymentPlanKind.Mixed, 30, FundPercent: 70),
    };

    [Theory]
    [MemberData(nameof(PlansThatDoNotFitTheirKind))]
    public void APlanWhoseSharesDoNotFitItsKindIsRefused(PaymentPlanTerms terms)
    {
        var error = Assert.Throws<DomainException>(() => new PaymentPlan(1, terms));

        Assert.Equal(("plan.kind.mismatch", terms.Kind), (error.Key, Assert.Single(error.Args)));
    }

    [Fact]
    public void ARefusedUpdateChangesNothingAndARetiredPlanIsNoLongerActive()
    {
        var plan = new PaymentPlan(1, new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 70));

        Assert.Throws<DomainException>(() => plan.Update(new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 20, LoanPercent: 70)));
        plan.Retire();

        Assert.Equal((30m, 70m, false), (plan.DownPaymentPercent, plan.LoanPercent, plan.Active));
    }
}
