namespace Realty.Live.Web.Domain;

public enum DiscountKind
{
    /// <summary>打折: pay a percentage of the price, e.g. 98 (98折).</summary>
    Percent,

    /// <summary>减点: points off the list price, e.g. 1 point = 1 % of the list price less.</summary>
    Points,

    /// <summary>总价优惠: an amount off the total.</summary>
    AmountOffTotal,

    /// <summary>单价优惠: an amount off each m² of gross area.</summary>
    AmountOffPerM2,
}

/// <summary>
/// A discount the sales office may give, for a period, on some stacks or layouts, maybe only with one
/// payment plan (e.g. 2 % for paying at once) or for one kind of buyer (员工, 老业主: an identity discount).
/// </summary>
public sealed class DiscountScheme
{
    public const int MaxNameLength = 40;
    public const decimal MaxPoints = 20m;

    private DiscountScheme()
    {
    }

    public DiscountScheme(int projectId, DiscountTerms terms)
    {
        ProjectId = projectId;
        Apply(terms);
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public DiscountKind Kind { get; private set; }

    public decimal Value { get; private set; }

    /// <summary>First and last day it may be given, in the project's calendar; open when null.</summary>
    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>For identity discounts: the kind of buyer it is for, e.g. "员工 Staff".</summary>
    public string? Identity { get; private set; }

    /// <summary>Stacks it applies to, e.g. ["03", "04"]; every stack when empty.</summary>
    public List<string> Stacks { get; private set; } = [];

    /// <summary>Layout codes it applies to; every layout when empty.</summary>
    public List<string> Layouts { get; private set; } = [];

    /// <summary>Only with this payment plan, e.g. a discount for paying at once.</summary>
    public int? PaymentPlanId { get; private set; }

    public bool Active { get; private set; } = true;

    public void Update(DiscountTerms terms) => Apply(terms);

    /// <summary>No longer offered; deals that used it keep it.</summary>
    public void Retire() => Active = false;

    /// <summary>Why it cannot be given on this unit today with this plan, or null when it can.</summary>
    public string? Refusal(Unit unit, string layoutCode, DateOnly today, int? paymentPlanId) =>
        !Active ? "discount.retired"
        : ValidFrom > today || ValidTo < today ? "discount.notValidToday"
        : Stacks.Count > 0 && !Stacks.Contains(unit.Stack) ? "discount.notForStack"
        : Layouts.Count > 0 && !Layouts.Contains(layoutCode) ? "discount.notForLayout"
        : PaymentPlanId is { } plan && plan != paymentPlanId ? "discount.needsPlan"
        : null;

    private void Apply(DiscountTerms terms)
    {
        var name = (terms.Name ?? "").Trim();
        if (name.Length == 0)
        {
            throw new DomainException("discount.name.required");
        }
        if (name.Length > MaxNameLength)
        {
            throw new DomainException("discount.name.tooLong", MaxNameLength);
        }
        // Checked as it will be kept: 99.999 % would be kept as 100 %, 0.001 off as nothing off.
        var value = Money.Fen(terms.Value);
        switch (terms.Kind)
        {
            case DiscountKind.Percent when value is <= 0 or >= 100:
                throw new DomainException("discount.percent.range");
            case DiscountKind.Points when value <= 0 || value > MaxPoints:
                throw new DomainException("discount.points.range", MaxPoints);
            case DiscountKind.AmountOffTotal or DiscountKind.AmountOffPerM2 when value <= 0 || value > Money.MaxPrice:
                throw new DomainException("discount.amount.range");
        }
        if (terms.ValidFrom is { } from && terms.ValidTo is { } to && to < from)
        {
            throw new DomainException("discount.dates.order");
        }
        Name = name;
        Kind = terms.Kind;
        Value = value;
        ValidFrom = terms.ValidFrom;
        ValidTo = terms.ValidTo;
        Identity = string.IsNullOrWhiteSpace(terms.Identity) ? null : terms.Identity.Trim();
        Stacks = [.. (terms.Stacks ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct()];
        Layouts = [.. (terms.Layouts ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct()];
        PaymentPlanId = terms.PaymentPlanId;
    }
}

/// <summary>What a manager fills in for a discount scheme.</summary>
public sealed record DiscountTerms(
    string? Name,
    DiscountKind Kind,
    decimal Value,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? Identity = null,
    IReadOnlyList<string>? Stacks = null,
    IReadOnlyList<string>? Layouts = null,
    int? PaymentPlanId = null);
