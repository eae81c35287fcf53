using System.Text.RegularExpressions;

namespace Realty.Live.Web.Domain;

/// <summary>
/// One buyer's claim on one unit, from hold to contract. A unit has at most one live deal; releasing,
/// expiring or cancelling closes it. A deal keeps the list and floor prices it was struck at, and from
/// the deposit on, its terms: the final price with its breakdown, the payment plan, the amounts paid
/// at the desk, the subscription and contract numbers and the dates that follow from them.
/// </summary>
public sealed partial class Deal
{
    public const int MaxNumberLength = 30;
    public const int MaxCoBuyersLength = 100;

    private Deal()
    {
    }

    internal Deal(Unit unit, CustomerContact customer, Actor agent, UnitStatus stage, DateTime now, bool isRehearsal)
    {
        ProjectId = unit.ProjectId;
        UnitId = unit.Id;
        CustomerId = customer.CustomerId;
        CustomerName = customer.Name;
        CustomerPhone = customer.Phone;
        AgentId = agent.Id;
        AgentName = agent.Name;
        Stage = stage;
        Price = unit.ListPrice;
        FloorPrice = unit.FloorPrice;
        OpenedAt = now;
        UpdatedAt = now;
        IsRehearsal = isRehearsal;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>The registered customer the deal is for; null for a buyer only typed in (older deals, API clients).</summary>
    public int? CustomerId { get; private set; }

    public string CustomerName { get; private set; } = "";

    public string CustomerPhone { get; private set; } = "";

    /// <summary>Co-buyers' names as written on the contract, e.g. "李娜、王磊".</summary>
    public string? CoBuyers { get; private set; }

    public string AgentId { get; private set; } = "";

    public string AgentName { get; private set; } = "";

    public UnitStatus Stage { get; private set; }

    /// <summary>The list price the deal was struck at; later price changes do not touch it.</summary>
    public decimal Price { get; private set; }

    /// <summary>The floor price when the deal was struck: below it a manager must approve.</summary>
    public decimal FloorPrice { get; private set; }

    /// <summary>What the buyer pays after discounts; set from the subscription on (or a deposit with terms).</summary>
    public decimal? FinalPrice { get; private set; }

    public List<PriceLine> PriceLines { get; private set; } = [];

    public int? PaymentPlanId { get; private set; }

    /// <summary>A price below the floor that a manager approved for this deal.</summary>
    public decimal? ApprovedPrice { get; private set; }

    public decimal? DepositAmount { get; private set; }

    public DateTime? DepositExpiresAt { get; private set; }

    public decimal? EarnestAmount { get; private set; }

    /// <summary>The number on the subscription form (认购书); the system's own when none was given.</summary>
    public string? SubscriptionNo { get; private set; }

    public DateOnly? SubscribedOn { get; private set; }

    /// <summary>The last day to sign the contract.</summary>
    public DateOnly? SignBy { get; private set; }

    /// <summary>The contract's number as registered online with the housing bureau (网签).</summary>
    public string? ContractNo { get; private set; }

    public DateOnly? ContractDate { get; private set; }

    /// <summary>The queue number the buyer chose with, on opening day.</summary>
    public int? QueueTicketId { get; private set; }

    /// <summary>Made during a rehearsal (公测): wiped with it.</summary>
    public bool IsRehearsal { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public UnitAction? CloseReason { get; private set; }

    public bool IsLive => ClosedAt is null;

    /// <summary>The number people read: the form's, or one made from the deal's own.</summary>
    public string? SubscriptionNumber => Stage >= UnitStatus.Subscribed ? SubscriptionNo ?? $"RG{Id:D6}" : null;

    /// <summary>Only the agent who made the deal, or a manager, may move it on or let it go.</summary>
    public bool BelongsTo(Actor actor) => actor.IsManager || actor.Id == AgentId;

    internal void Advance(UnitStatus stage, CustomerContact? customer, DateTime now)
    {
        Stage = stage;
        if (customer is not null)
        {
            CustomerId = customer.CustomerId;
            CustomerName = customer.Name;
            CustomerPhone = customer.Phone;
        }
        UpdatedAt = now;
    }

    /// <summary>The terms of the step the deal just took; checked before anything is kept.</summary>
    internal void Agree(UnitAction step, DealTerms terms, Actor actor, DateTime now)
    {
        switch (step)
        {
            case UnitAction.Deposit:
                TakeDeposit(terms, now);
                break;
            case UnitAction.Subscribe:
            {
                var quote = CheckPrice(terms, actor, required: true)!;
                var earnest = CheckEarnest(terms.Earnest ?? throw new DomainException("deal.earnest.required"), quote.FinalPrice, required: true);
                var number = Number(terms.SubscriptionNo, "deal.subscriptionNo.invalid");
                KeepPrice(terms);
                EarnestAmount = earnest;
                SubscriptionNo = number;
                SubscribedOn = terms.Today;
                SignBy = terms.Today.AddDays(terms.SignWithinDays);
                DepositExpiresAt = null;
                break;
            }
            case UnitAction.Sign:
            {
                var quote = CheckPrice(terms, actor, required: FinalPrice is null);
                // Signing straight away takes the earnest now, if any; after a subscription it was taken then.
                var earnest = SubscribedOn is null ? CheckEarnest(terms.Earnest ?? 0, quote?.FinalPrice ?? FinalPrice, required: false) : EarnestAmount;
                var number = Number(terms.ContractNo, "deal.contractNo.invalid") ?? throw new DomainException("deal.contractNo.required");
                var date = terms.ContractDate ?? terms.Today;
                if (date > terms.Today || date < terms.Today.AddDays(-31))
                {
                    throw new DomainException("deal.contractDate.range");
                }
                if (quote is not null)
                {
                    KeepPrice(terms);
                }
                EarnestAmount = earnest;
                ContractNo = number;
                ContractDate = date;
                DepositExpiresAt = null;
                break;
            }
        }
        if (terms.Ticket is { } ticket)
        {
            QueueTicketId = ticket.Id;
        }
        UpdatedAt = now;
    }

    /// <summary>A manager's approval of a price below the floor, or of new terms (a change request).</summary>
    internal void Reprice(PriceQuote quote, PaymentPlan? plan, DateTime now)
    {
        ApprovedPrice = quote.BelowFloor ? quote.FinalPrice : null;
        if (FinalPrice is not null || Stage >= UnitStatus.Subscribed)
        {
            FinalPrice = quote.FinalPrice;
            PriceLines = [.. quote.Lines];
            PaymentPlanId = plan?.Id ?? PaymentPlanId;
        }
        UpdatedAt = now;
    }

    internal void Rename(CustomerContact? buyer, string? coBuyers, DateTime now)
    {
        if (buyer is not null)
        {
            CustomerId = buyer.CustomerId;
            CustomerName = buyer.Name;
            CustomerPhone = buyer.Phone;
        }
        CoBuyers = CoBuyerNames(coBuyers);
        UpdatedAt = now;
    }

    /// <summary>换房: the deal is now on another unit, at that unit's prices.</summary>
    internal void MoveTo(Unit unit, DateTime now)
    {
        UnitId = unit.Id;
        Price = unit.ListPrice;
        FloorPrice = unit.FloorPrice;
        UpdatedAt = now;
    }

    internal void Close(UnitAction reason, DateTime now)
    {
        ClosedAt = now;
        UpdatedAt = now;
        CloseReason = reason;
    }

    public static string? CoBuyerNames(string? names)
    {
        var trimmed = names?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > MaxCoBuyersLength)
        {
            throw new DomainException("deal.coBuyers.tooLong", MaxCoBuyersLength);
        }
        if (trimmed.Any(char.IsControl) || trimmed.IndexOfAny(['<', '>']) >= 0)
        {
            throw new DomainException("customer.name.invalid");
        }
        return trimmed;
    }

    private void TakeDeposit(DealTerms terms, DateTime now)
    {
        var amount = Money.Fen(terms.Deposit ?? throw new DomainException("deal.deposit.required"));
        if (amount <= 0 || amount > Price)
        {
            throw new DomainException("deal.deposit.range");
        }
        DepositAmount = amount;
        DepositExpiresAt = now + terms.DepositFor;
    }

    private static decimal CheckEarnest(decimal earnest, decimal? price, bool required)
    {
        var amount = Money.Fen(earnest);
        if (amount < 0 || (required && amount == 0) || amount > price)
        {
            throw new DomainException("deal.earnest.range");
        }
        return amount;
    }

    /// <summary>The price a step agrees, checked against the floor and what was agreed before; null when it agrees none.</summary>
    private PriceQuote? CheckPrice(DealTerms terms, Actor actor, bool required)
    {
        if (terms.Quote is null || terms.Plan is null)
        {
            return required ? throw new DomainException(terms.Quote is null ? "deal.price.required" : "deal.plan.required") : null;
        }
        if (FinalPrice is { } agreed && (terms.Quote.FinalPrice != agreed || terms.Plan.Id != PaymentPlanId))
        {
            throw new DomainException("deal.terms.changeNeedsRequest");
        }
        if (terms.Quote.BelowFloor && !actor.IsManager && ApprovedPrice != terms.Quote.FinalPrice)
        {
            throw new DomainException("deal.price.belowFloor", terms.Quote.FinalPrice, terms.Quote.FloorPrice);
        }
        return terms.Quote;
    }

    private void KeepPrice(DealTerms terms)
    {
        FinalPrice = terms.Quote!.FinalPrice;
        PriceLines = [.. terms.Quote.Lines];
        PaymentPlanId = terms.Plan!.Id;
    }

    private static string? Number(string? value, string invalidKey)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length <= MaxNumberLength && NumberFormat().IsMatch(trimmed) ? trimmed : throw new DomainException(invalidKey, MaxNumberLength);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9/_-]*$")]
    private static partial Regex NumberFormat();
}

/// <summary>
/// What a deposit, subscription or contract agrees, with what the project's calendar and settings
/// add: the price (with its discounts) and plan, the money taken at the desk, the numbers on the forms.
/// </summary>
public sealed record DealTerms
{
    public PriceQuote? Quote { get; init; }

    public PaymentPlan? Plan { get; init; }

    public decimal? Deposit { get; init; }

    public decimal? Earnest { get; init; }

    public string? SubscriptionNo { get; init; }

    public string? ContractNo { get; init; }

    public DateOnly? ContractDate { get; init; }

    public QueueTicket? Ticket { get; init; }

    /// <summary>The sales office's calendar day now.</summary>
    public DateOnly Today { get; init; }

    public TimeSpan DepositFor { get; init; }

    public int SignWithinDays { get; init; }
}
