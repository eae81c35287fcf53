using System.Globalization;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using static Realty.Live.Tests.Domain.Stored;
using static Realty.Live.Tests.Support.UnitBuilder;

namespace Realty.Live.Tests.Domain;

/// <summary>What a deposit, a subscription and a contract agree, on a unit listed at 4,200,000 with its floor at 4,074,000.</summary>
public sealed class DealTermsTests
{
    private static readonly DateTime Now = Moments.Start;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly PaymentPlan OneOff = Plan(11, new PaymentPlanTerms("一次性", PaymentPlanKind.OneOff, 100, DownPaymentDays: 15));
    private static readonly PaymentPlan Mortgage = Plan(12, new PaymentPlanTerms("按揭", PaymentPlanKind.Mortgage, 30, LoanPercent: 70));

    [Fact]
    public void ADepositIsKeptToTheFenAndSecuresTheUnitForTheProjectsDays()
    {
        var unit = AUnit().InState(UnitStatus.Held).Build();

        unit.Deposit(People.Wang, null, Desk() with { Deposit = 20_000.005m }, Now);

        var deal = unit.LiveDeal!;
        Assert.Equal((UnitStatus.Deposited, 20_000.01m, Now.AddDays(3)), (deal.Stage, deal.DepositAmount, deal.DepositExpiresAt));
        // A deposit agrees no price yet.
        Assert.Equal((null, null), (deal.FinalPrice, deal.PaymentPlanId));
    }

    [Fact]
    public void TheDepositMayBeTheWholeListPrice()
    {
        var unit = AUnit().Build();

        unit.Deposit(People.Wang, Customers.Zhang, Desk() with { Deposit = 4_200_000m }, Now);

        Assert.Equal(4_200_000m, unit.LiveDeal!.DepositAmount);
    }

    [Theory]
    [InlineData(null, "deal.deposit.required")]
    [InlineData("0", "deal.deposit.range")]
    [InlineData("-20000", "deal.deposit.range")]
    // Kept to the fen it would be 0.00.
    [InlineData("0.004", "deal.deposit.range")]
    [InlineData("4200000.01", "deal.deposit.range")]
    public void ABadDepositIsRefusedAndLeavesNoDeal(string? amount, string key)
    {
        var unit = AUnit().Build();

        var error = Assert.Throws<DomainException>(() => unit.Deposit(People.Wang, Customers.Zhang, Desk() with { Deposit = Amount(amount) }, Now));

        Assert.Equal(key, error.Key);
        Assert.Equal((UnitStatus.Available, 2), (unit.Status, unit.Version));
        Assert.Empty(unit.Deals);
    }

    [Fact]
    public void ASubscriptionAgreesThePriceThePlanTheEarnestAndTheDayToSignBy()
    {
        var unit = AUnit().InState(UnitStatus.Deposited).Build();
        var terms = Priced(unit, Scheme(1, DiscountKind.Percent, 98m, "98折")) with { Earnest = 50_000m, SubscriptionNo = " RG-2026/0001_a " };

        unit.Subscribe(People.Wang, null, terms, Now);

        var deal = unit.LiveDeal!;
        // 4,200,000 × 0.98 = 4,116,000
        Assert.Equal((UnitStatus.Subscribed, 4_116_000m, OneOff.Id, 50_000m), (deal.Stage, deal.FinalPrice, deal.PaymentPlanId, deal.EarnestAmount));
        Assert.Equal(new PriceLine(1, "98折", DiscountKind.Percent, 98m, -84_000m, 4_116_000m), Assert.Single(deal.PriceLines));
        // Signed within the project's 7 days: 22 Nov + 7 = 29 Nov
        Assert.Equal((Today, new DateOnly(2026, 11, 29), "RG-2026/0001_a", "RG-2026/0001_a"), (deal.SubscribedOn, deal.SignBy, deal.SubscriptionNo, deal.SubscriptionNumber));
        // The deposit no longer runs out: the subscription holds the unit now.
        Assert.Null(deal.DepositExpiresAt);
    }

    [Fact]
    public void WithoutAFormNumberTheSubscriptionIsNumberedFromTheDeal()
    {
        var unit = AUnit().Build();

        unit.Subscribe(People.Wang, Customers.Zhang, Priced(unit) with { SubscriptionNo = "  " }, Now);

        var deal = unit.LiveDeal!.WithId(42);
        Assert.Null(deal.SubscriptionNo);
        Assert.Equal("RG000042", deal.SubscriptionNumber);
    }

    [Theory]
    [InlineData("认购001")]
    [InlineData("RG 001")]
    [InlineData("-RG001")]
    [InlineData("RG#001")]
    [InlineData("RG<script>")]
    [InlineData("RG0000000000000000000000000000X")]
    public void ASubscriptionNumberOfOtherCharactersOrTooLongIsRefused(string number)
    {
        var unit = AUnit().Build();

        var error = Assert.Throws<DomainException>(() => unit.Subscribe(People.Wang, Customers.Zhang, Priced(unit) with { SubscriptionNo = number }, Now));

        Assert.Equal(("deal.subscriptionNo.invalid", 30), (error.Key, Assert.Single(error.Args)));
        Assert.Empty(unit.Deals);
    }

    [Fact]
    public void ThirtyCharactersAreEnoughForAFormNumber()
    {
        var unit = AUnit().Build();
        var number = "RG" + new string('0', 28);

        unit.Subscribe(People.Wang, Customers.Zhang, Priced(unit) with { SubscriptionNo = number }, Now);

        Assert.Equal(number, unit.LiveDeal!.SubscriptionNo);
    }

    [Theory]
    [InlineData(null, "deal.earnest.required")]
    [InlineData("0", "deal.earnest.range")]
    [InlineData("-50000", "deal.earnest.range")]
    [InlineData("0.001", "deal.earnest.range")]
    // Above the final price 4,116,000 (98 % of 4,200,000), though not above the list price.
    [InlineData("4116000.01", "deal.earnest.range")]
    public void ABadEarnestIsRefusedAndTheDepositedDealStaysAsItWas(string? earnest, string key)
    {
        var unit = AUnit().InState(UnitStatus.Deposited).Build();
        var deal = unit.LiveDeal!;

        var error = Assert.Throws<DomainException>(() =>
            unit.Subscribe(People.Wang, Customers.Zhao, Priced(unit, Scheme(1, DiscountKind.Percent, 98m)) with { Earnest = Amount(earnest) }, Now));

        Assert.Equal(key, error.Key);
        Assert.Equal((UnitStatus.Deposited, 3), (unit.Status, unit.Version));
        Assert.Equal((UnitStatus.Deposited, Customers.ZhangName, null, null, null, null), (deal.Stage, deal.CustomerName, deal.FinalPrice, deal.EarnestAmount, deal.PaymentPlanId, deal.SignBy));
        Assert.Empty(deal.PriceLines);
        Assert.NotNull(deal.DepositExpiresAt);
    }

    [Fact]
    public void TheEarnestMayBeTheWholeFinalPrice()
    {
        var unit = AUnit().Build();

        unit.Subscribe(People.Wang, Customers.Zhang, Priced(unit) with { Earnest = 4_200_000m }, Now);

        Assert.Equal(4_200_000m, unit.LiveDeal!.EarnestAmount);
    }

    [Fact]
    public void ASubscriptionNeedsAPriceAndAPlan()
    {
        var unit = AUnit().Build();

        var noPrice = Assert.Throws<DomainException>(() => unit.Subscribe(People.Wang, Customers.Zhang, Desk() with { Earnest = 50_000m }, Now));
        var noPlan = Assert.Throws<DomainException>(() => unit.Subscribe(People.Wang, Customers.Zhang, Priced(unit) with { Plan = null }, Now));

        Assert.Equal(("deal.price.required", "deal.plan.required"), (noPrice.Key, noPlan.Key));
        Assert.Empty(unit.Deals);
    }

    [Fact]
    public void AContractKeepsItsNumberAndDate()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();

        unit.Sign(People.Wang, null, Desk() with { ContractNo = " 2026-WQ-000123 ", ContractDate = Today.AddDays(-3) }, Now);

        var deal = unit.LiveDeal!;
        Assert.Equal((UnitStatus.Signed, "2026-WQ-000123", new DateOnly(2026, 11, 19)), (deal.Stage, deal.ContractNo, deal.ContractDate));
    }

    [Fact]
    public void AContractDatedNothingIsDatedToday()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();

        unit.Sign(People.Wang, null, Desk() with { ContractNo = "HT-1" }, Now);

        Assert.Equal(Today, unit.LiveDeal!.ContractDate);
    }

    [Theory]
    [InlineData(null, null, "deal.contractNo.required")]
    [InlineData("   ", null, "deal.contractNo.required")]
    [InlineData("网签123", null, "deal.contractNo.invalid")]
    [InlineData("HT 123", null, "deal.contractNo.invalid")]
    [InlineData("HT-1234567890123456789012345678", null, "deal.contractNo.invalid")]
    [InlineData("HT-1", 1, "deal.contractDate.range")]
    [InlineData("HT-1", -32, "deal.contractDate.range")]
    public void ABadContractIsRefusedAndTheSubscriptionStaysAsItWas(string? number, int? daysFromToday, string key)
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();
        var deal = unit.LiveDeal!;

        var error = Assert.Throws<DomainException>(() =>
            unit.Sign(People.Wang, null, Desk() with { ContractNo = number, ContractDate = daysFromToday is { } days ? Today.AddDays(days) : null }, Now));

        Assert.Equal(key, error.Key);
        Assert.Equal((UnitStatus.Subscribed, UnitStatus.Subscribed, null, null), (unit.Status, deal.Stage, deal.ContractNo, deal.ContractDate));
    }

    [Fact]
    public void AContractMayBeDatedUpToThirtyOneDaysBack()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();

        unit.Sign(People.Wang, null, Desk() with { ContractNo = "HT-1", ContractDate = Today.AddDays(-31) }, Now);

        Assert.Equal(new DateOnly(2026, 10, 22), unit.LiveDeal!.ContractDate);
    }

    [Fact]
    public void SigningStraightAwayAgreesThePriceAndMayTakeNoEarnest()
    {
        var unit = AUnit().Build();

        unit.Sign(People.Wang, Customers.Zhang, Priced(unit) with { Earnest = null, ContractNo = "HT-1" }, Now);

        var deal = unit.LiveDeal!;
        Assert.Equal((4_200_000m, OneOff.Id, 0m, null), (deal.FinalPrice, deal.PaymentPlanId, deal.EarnestAmount, deal.SubscribedOn));
    }

    [Fact]
    public void SigningStraightAwayRefusesAnEarnestBelowZeroOrAboveThePrice()
    {
        var unit = AUnit().Build();

        var negative = Assert.Throws<DomainException>(() => unit.Sign(People.Wang, Customers.Zhang, Priced(unit) with { Earnest = -1m, ContractNo = "HT-1" }, Now));
        var tooMuch = Assert.Throws<DomainException>(() => unit.Sign(People.Wang, Customers.Zhang, Priced(unit) with { Earnest = 4_200_000.01m, ContractNo = "HT-1" }, Now));

        Assert.Equal(("deal.earnest.range", "deal.earnest.range"), (negative.Key, tooMuch.Key));
        Assert.Empty(unit.Deals);
    }

    [Fact]
    public void SigningStraightFromADepositWithoutAContractNumberLeavesTheDealUnpriced()
    {
        var unit = AUnit().InState(UnitStatus.Deposited).Build();

        Assert.Throws<DomainException>(() => unit.Sign(People.Wang, null, Priced(unit) with { ContractNo = null }, Now));

        var deal = unit.LiveDeal!;
        Assert.Equal((UnitStatus.Deposited, null, null, null), (deal.Stage, deal.FinalPrice, deal.PaymentPlanId, deal.EarnestAmount));
    }

    [Fact]
    public void BelowTheFloorAnAgentIsRefused()
    {
        var unit = AUnit().Build();

        // 4,200,000 − 200,000 = 4,000,000 < floor 4,074,000
        var error = Assert.Throws<DomainException>(() => unit.Subscribe(People.Wang, Customers.Zhang, Priced(unit, Scheme(1, DiscountKind.AmountOffTotal, 200_000m)), Now));

        Assert.Equal("deal.price.belowFloor", error.Key);
        Assert.Equal([4_000_000m, 4_074_000m], error.Args);
        Assert.Empty(unit.Deals);
    }

    [Fact]
    public void BelowTheFloorAManagerMayAgreeThePrice()
    {
        var unit = AUnit().Build();

        unit.Subscribe(People.Chen, Customers.Zhang, Priced(unit, Scheme(1, DiscountKind.AmountOffTotal, 200_000m)), Now);

        Assert.Equal(4_000_000m, unit.LiveDeal!.FinalPrice);
    }

    [Fact]
    public void BelowTheFloorAnAgentMayAgreeThePriceAManagerApproved()
    {
        var unit = AUnit().InState(UnitStatus.Held).Build();
        var below = PriceQuote.For(unit, "A", [Scheme(1, DiscountKind.AmountOffTotal, 200_000m)], Today, null);
        // What approving a price change for the held deal does.
        unit.LiveDeal!.Reprice(below, null, Now);

        var further = Assert.Throws<DomainException>(() => unit.Subscribe(People.Wang, null, Priced(unit, Scheme(1, DiscountKind.AmountOffTotal, 200_001m)), Now));
        unit.Subscribe(People.Wang, null, Priced(unit, Scheme(1, DiscountKind.AmountOffTotal, 200_000m)), Now);

        Assert.Equal("deal.price.belowFloor", further.Key);
        Assert.Equal((4_000_000m, 4_000_000m), (unit.LiveDeal!.ApprovedPrice, unit.LiveDeal.FinalPrice));
    }

    [Fact]
    public void AgreedTermsCannotChangeAtTheContractWithoutARequest()
    {
        var unit = AUnit().Build();
        unit.Subscribe(People.Wang, Customers.Zhang, Priced(unit), Now);
        var deal = unit.LiveDeal!;

        var otherPrice = Assert.Throws<DomainException>(() =>
            unit.Sign(People.Wang, null, Priced(unit, Scheme(1, DiscountKind.Percent, 99m)) with { ContractNo = "HT-1" }, Now));
        var otherPlan = Assert.Throws<DomainException>(() =>
            unit.Sign(People.Wang, null, Priced(unit) with { Plan = Mortgage, ContractNo = "HT-1" }, Now));
        // Even a manager changes agreed terms only through a request.
        var byManager = Assert.Throws<DomainException>(() =>
            unit.Sign(People.Chen, null, Priced(unit, Scheme(1, DiscountKind.Percent, 99m)) with { ContractNo = "HT-1" }, Now));

        Assert.Equal(["deal.terms.changeNeedsRequest"], new[] { otherPrice, otherPlan, byManager }.Select(e => e.Key).Distinct());
        Assert.Equal((UnitStatus.Subscribed, 4_200_000m, OneOff.Id, null), (deal.Stage, deal.FinalPrice, deal.PaymentPlanId, deal.ContractNo));
    }

    [Fact]
    public void TheContractMayRepeatTheAgreedTermsOrLeaveThemOut()
    {
        var repeated = AUnit().Build();
        repeated.Subscribe(People.Wang, Customers.Zhang, Priced(repeated), Now);
        var leftOut = AUnit().Build();
        leftOut.Subscribe(People.Wang, Customers.Zhang, Priced(leftOut), Now);

        repeated.Sign(People.Wang, null, Priced(repeated) with { ContractNo = "HT-1" }, Now);
        leftOut.Sign(People.Wang, null, Desk() with { ContractNo = "HT-2" }, Now);

        Assert.Equal((UnitStatus.Signed, 4_200_000m, 50_000m), (repeated.Status, repeated.LiveDeal!.FinalPrice, repeated.LiveDeal.EarnestAmount));
        Assert.Equal((UnitStatus.Signed, 4_200_000m, 50_000m), (leftOut.Status, leftOut.LiveDeal!.FinalPrice, leftOut.LiveDeal.EarnestAmount));
    }

    [Fact]
    public void AQueueNumberGivenWithAStepIsKeptOnTheDeal()
    {
        var unit = AUnit().Build();
        var ticket = new QueueTicket(1, 8, Customers.Zhang, 50_000m, People.Wang, Now, isRehearsal: false).WithId(77);

        unit.Hold(People.Wang, Customers.Zhang, Now, HoldFor, Desk() with { Ticket = ticket });

        Assert.Equal(77, unit.LiveDeal!.QueueTicketId);
    }

    /// <summary>The calendar and settings the desk adds to every step: 3 days' deposit, 7 days to sign.</summary>
    private static DealTerms Desk() => new() { Today = Today, DepositFor = TimeSpan.FromDays(3), SignWithinDays = 7 };

    /// <summary>A subscription's usual terms: the quote with these discounts, paying at once, 50,000 earnest.</summary>
    private static DealTerms Priced(Unit unit, params DiscountScheme[] schemes) =>
        Desk() with { Quote = PriceQuote.For(unit, "A", schemes, Today, OneOff.Id), Plan = OneOff, Earnest = 50_000m };

    private static decimal? Amount(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
