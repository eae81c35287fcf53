using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Notices;

/// <summary>One customer's notice, filled in and addressed.</summary>
public sealed record PlannedNotice(int CustomerId, string CustomerName, string Recipient, string? Subject, string Body);

/// <summary>A customer left out, and why (no address, a value the template needs is missing).</summary>
public sealed record SkippedCustomer(int CustomerId, string CustomerName, string Reason);

public sealed record NoticePlan(IReadOnlyList<PlannedNotice> Notices, IReadOnlyList<SkippedCustomer> Skipped);

/// <summary>
/// The values of the merge fields for customers, and the plan of who gets what. The same code makes a
/// preview, a batch and the birthday greetings, so a preview shows exactly what will be queued.
/// </summary>
public static class NoticeMerge
{
    /// <summary>What the editor's preview fills in when no real customer is picked.</summary>
    public static IReadOnlyDictionary<string, string?> Example(string projectName, NoticeLanguage language)
    {
        using var _ = new LanguageScope(language);
        return new Dictionary<string, string?>
        {
            [MergeFields.CustomerName] = L.IsChinese ? "张伟" : "Zhang Wei",
            [MergeFields.CustomerMobile] = UnitService.MaskPhone("13800138000"),
            [MergeFields.AgentName] = L.IsChinese ? "王芳" : "Wang Fang",
            [MergeFields.ProjectName] = projectName,
            [MergeFields.UnitCode] = "1#-0801",
            [MergeFields.UnitBuilding] = "1#",
            [MergeFields.UnitArea] = L.Area(89.5m),
            [MergeFields.DealStage] = L.Status(UnitStatus.Subscribed),
            [MergeFields.DealPrice] = L.Yuan(2_680_000m),
            [MergeFields.DealSubscriptionNo] = "RG000123",
            [MergeFields.DealContractNo] = "HT-2026-0001",
            [MergeFields.PaymentDue] = L.Date(new DateOnly(2026, 12, 15)),
            [MergeFields.PaymentAmount] = L.Yuan(804_000m),
        };
    }

    /// <summary>
    /// The merge values of each customer, in the template's language. A customer's deal is their live
    /// deal in the project, linked to them or typed with their mobile (the newest if they have several units).
    /// </summary>
    public static async Task<Dictionary<int, IReadOnlyDictionary<string, string?>>> ValuesAsync(
        RealtyDbContext db, Project project, IReadOnlyList<Customer> customers, NoticeLanguage language)
    {
        var phones = customers.Select(c => c.Mobile).Distinct().ToList();
        var ids = customers.Select(c => c.Id).ToList();
        var deals = await (
                from d in db.Deals.AsNoTracking()
                join u in db.Units on d.UnitId equals u.Id
                where d.ProjectId == project.Id && d.ClosedAt == null && !d.IsRehearsal && ((d.CustomerId != null && ids.Contains(d.CustomerId.Value)) || phones.Contains(d.CustomerPhone))
                select new DealFacts(d.Id, d.CustomerId, d.CustomerPhone, d.Stage, d.FinalPrice, d.SubscriptionNo, d.ContractNo, d.OpenedAt, u.Code, u.Building!.Name, u.GrossArea))
            .ToListAsync();
        var byCustomer = customers.ToDictionary(c => c.Id, c => deals
            .Where(d => d.CustomerId == c.Id || d.Phone == c.Mobile)
            .OrderByDescending(d => d.OpenedAt).ThenByDescending(d => d.Id).FirstOrDefault());
        var dealIds = byCustomer.Values.OfType<DealFacts>().Select(d => d.Id).Distinct().ToList();
        var owed = await db.Receivables.AsNoTracking().Where(r => dealIds.Contains(r.DealId))
            .Select(r => new { r.DealId, r.Sequence, r.Due, r.Amount }).ToListAsync();
        var paid = await db.Receipts.AsNoTracking().Where(r => r.DealId != null && dealIds.Contains(r.DealId.Value))
            .GroupBy(r => r.DealId!.Value).Select(g => new { DealId = g.Key, Amount = g.Sum(r => r.Amount) }).ToListAsync();
        var paidByDeal = paid.ToDictionary(p => p.DealId, p => p.Amount);

        using var _ = new LanguageScope(language);
        var values = new Dictionary<int, IReadOnlyDictionary<string, string?>>();
        foreach (var customer in customers)
        {
            var deal = byCustomer[customer.Id];
            var next = deal is null ? null : NextDue([.. owed.Where(o => o.DealId == deal.Id).OrderBy(o => o.Sequence).Select(o => (o.Due, o.Amount))], paidByDeal.GetValueOrDefault(deal.Id));
            values[customer.Id] = new Dictionary<string, string?>
            {
                [MergeFields.CustomerName] = customer.Name,
                [MergeFields.CustomerMobile] = UnitService.MaskPhone(customer.Mobile),
                [MergeFields.AgentName] = customer.OwnerName,
                [MergeFields.ProjectName] = project.Name,
                [MergeFields.UnitCode] = deal?.UnitCode,
                [MergeFields.UnitBuilding] = deal?.Building,
                [MergeFields.UnitArea] = deal is null ? null : L.Area(deal.Area),
                [MergeFields.DealStage] = deal is null ? null : L.Status(deal.Stage),
                [MergeFields.DealPrice] = deal?.FinalPrice is { } price ? L.Yuan(price) : null,
                [MergeFields.DealSubscriptionNo] = deal is null || deal.Stage < UnitStatus.Subscribed ? null : deal.SubscriptionNo ?? $"RG{deal.Id:D6}",
                [MergeFields.DealContractNo] = deal?.ContractNo,
                [MergeFields.PaymentDue] = next is { } due ? L.Date(due.Due) : null,
                [MergeFields.PaymentAmount] = next is { } amount ? L.Yuan(amount.Amount) : null,
            };
        }
        return values;
    }

    /// <summary>
    /// The first line of the schedule not yet covered by what the buyer paid, and what is left of it:
    /// payments go to the oldest lines first.
    /// </summary>
    public static (DateOnly Due, decimal Amount)? NextDue(IReadOnlyList<(DateOnly Due, decimal Amount)> schedule, decimal paid)
    {
        var left = paid;
        foreach (var (due, amount) in schedule)
        {
            if (left >= amount)
            {
                left -= amount;
                continue;
            }
            return (due, amount - Math.Max(0, left));
        }
        return null;
    }

    /// <summary>Fills the template for each customer; those without an address or a value it needs are skipped with the reason.</summary>
    public static NoticePlan Plan(NoticeTemplate template, IReadOnlyList<Customer> customers, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string?>> values)
    {
        var notices = new List<PlannedNotice>();
        var skipped = new List<SkippedCustomer>();
        foreach (var customer in customers)
        {
            var recipient = template.Channel == NoticeChannel.Email ? customer.Email : customer.Mobile;
            if (string.IsNullOrWhiteSpace(recipient))
            {
                skipped.Add(new SkippedCustomer(customer.Id, customer.Name, L.T(template.Channel == NoticeChannel.Email ? "notice.skip.noEmail" : "notice.skip.noMobile")));
                continue;
            }
            var rendered = template.Render(values[customer.Id]);
            if (!rendered.Complete)
            {
                skipped.Add(new SkippedCustomer(customer.Id, customer.Name, L.T("notice.skip.missing", string.Join(L.IsChinese ? "、" : ", ", rendered.Missing.Select(FieldLabel)))));
                continue;
            }
            if (rendered.Body.Length > OutboxMessage.MaxBodyLength || rendered.Subject?.Length > OutboxMessage.MaxSubjectLength)
            {
                skipped.Add(new SkippedCustomer(customer.Id, customer.Name, L.T("notice.skip.tooLong")));
                continue;
            }
            notices.Add(new PlannedNotice(customer.Id, customer.Name, recipient, rendered.Subject, rendered.Body));
        }
        return new NoticePlan(notices, skipped);
    }

    public static string FieldLabel(string field) => L.T("notice.field." + field);

    private sealed record DealFacts(int Id, int? CustomerId, string Phone, UnitStatus Stage, decimal? FinalPrice, string? SubscriptionNo, string? ContractNo, DateTime OpenedAt, string UnitCode, string Building, decimal Area);

    /// <summary>Dates, amounts and stage names in the template's language, whatever the page's or the server's.</summary>
    private readonly struct LanguageScope : IDisposable
    {
        private readonly (CultureInfo, CultureInfo) _before;

        public LanguageScope(NoticeLanguage language)
        {
            _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            var culture = CultureInfo.GetCultureInfo(language == NoticeLanguage.English ? "en" : "zh-CN");
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        }

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
    }
}
