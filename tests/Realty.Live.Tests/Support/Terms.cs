using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Support;

/// <summary>
/// Terms of a deal step as the sales desk would agree them, for tests about something else (the state
/// machine, the board): a one-off payment at the list price, the default amounts, a contract number.
/// </summary>
public static class Terms
{
    public const decimal Deposit = 20_000m;
    public const decimal Earnest = 50_000m;

    /// <summary>Pay at once, within 15 days of signing.</summary>
    public static PaymentPlan OneOff(int projectId = 1) => new(projectId, new PaymentPlanTerms("一次性付款", PaymentPlanKind.OneOff, 100, DownPaymentDays: 15));

    public static DealTerms For(Unit unit, UnitAction action, DateTime now, string contractNo = "HT-TEST-1", PaymentPlan? plan = null)
    {
        var today = DateOnly.FromDateTime(now);
        var priced = action == UnitAction.Subscribe || (action == UnitAction.Sign && unit.LiveDeal?.FinalPrice is null);
        return new DealTerms
        {
            Quote = priced ? PriceQuote.For(unit, unit.Layout?.Code ?? "", [], today, null) : null,
            Plan = priced ? plan ?? OneOff(unit.ProjectId) : null,
            Deposit = action == UnitAction.Deposit ? Deposit : null,
            Earnest = action == UnitAction.Subscribe ? Earnest : null,
            ContractNo = action == UnitAction.Sign ? contractNo : null,
            Today = today,
            DepositFor = TimeSpan.FromDays(3),
            SignWithinDays = 7,
        };
    }

    /// <summary>Takes a deposit with the usual terms.</summary>
    public static UnitEvent TakeDeposit(this Unit unit, Actor agent, CustomerContact? customer, DateTime now) =>
        unit.Deposit(agent, customer, For(unit, UnitAction.Deposit, now), now);

    /// <summary>Subscribes at the list price, paying at once (by a stored plan when given).</summary>
    public static UnitEvent SubscribeAtList(this Unit unit, Actor agent, CustomerContact? customer, DateTime now, PaymentPlan? plan = null) =>
        unit.Subscribe(agent, customer, For(unit, UnitAction.Subscribe, now, plan: plan), now);

    /// <summary>Signs; skipping ahead, at the list price, paying at once.</summary>
    public static UnitEvent SignAtList(this Unit unit, Actor agent, CustomerContact? customer, DateTime now) =>
        unit.Sign(agent, customer, For(unit, UnitAction.Sign, now, $"HT-{unit.Id}-{unit.Code.Replace('#', '-')}-{unit.Version}"), now);
}
