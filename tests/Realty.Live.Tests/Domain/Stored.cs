using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

/// <summary>
/// Domain objects as the database would hand them back: with their ids, which only EF sets. Quotes
/// tell schemes apart by id, and a deal's plan is known by its id.
/// </summary>
internal static class Stored
{
    public static T WithId<T>(this T entity, int id)
        where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }

    public static DiscountScheme Scheme(int id, DiscountKind kind, decimal value, string? name = null, DateOnly? from = null, DateOnly? to = null,
        string[]? stacks = null, string[]? layouts = null, int? planId = null) =>
        new DiscountScheme(1, new DiscountTerms(name ?? kind.ToString(), kind, value, from, to, Stacks: stacks, Layouts: layouts, PaymentPlanId: planId)).WithId(id);

    public static PaymentPlan Plan(int id, PaymentPlanTerms terms) => new PaymentPlan(1, terms).WithId(id);
}
