using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Deals;

public sealed record PlanOption(int Id, string Name, PaymentPlanKind Kind, decimal DownPaymentPercent, decimal LoanPercent, decimal FundPercent);

/// <param name="NotHere">Why the scheme cannot be given on this unit (stack, layout, dates), or null; a plan rule is checked with the plan.</param>
public sealed record SchemeOption(int Id, string Name, DiscountKind Kind, decimal Value, string? Identity, int? PlanId, DateOnly? ValidTo, string? NotHere);

/// <summary>What the sales desk may offer on one unit today; during an opening a new deal also needs a called queue number.</summary>
public sealed record DealOptions(IReadOnlyList<PlanOption> Plans, IReadOnlyList<SchemeOption> Schemes, decimal DefaultDeposit, decimal DefaultEarnest, OpeningMode Opening);

/// <summary>The price and the payments of one unit for one buyer: the sheet's breakdown and the printed quote (置业计划).</summary>
public sealed record QuoteView(
    UnitDetails Unit,
    string ProjectName,
    decimal ListPrice,
    IReadOnlyList<PriceLineSummary> Lines,
    decimal FinalPrice,
    decimal FinalUnitPrice,
    decimal FloorPrice,
    bool BelowFloor,
    PlanOption? Plan,
    decimal Earnest,
    DateOnly ContractDate,
    IReadOnlyList<ScheduleLine> Schedule,
    decimal Loan,
    DateOnly Today);

public abstract record QuoteResult
{
    public sealed record Ok(QuoteView Quote) : QuoteResult;

    public sealed record Refused(string Message) : QuoteResult;

    public sealed record NotFound(string Message) : QuoteResult;
}

/// <summary>
/// Prices a unit with the discounts and plan a buyer is considering, without touching it: the same
/// rules a deal step applies (<see cref="PriceQuote"/>, <see cref="PaymentSchedule"/>), so what the
/// customer is shown is what the subscription will agree.
/// </summary>
public sealed class QuoteService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DealOptions?> OptionsAsync(int unitId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await UnitService.LoadAsync(db, unitId);
        if (unit is null)
        {
            return null;
        }
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == unit.ProjectId);
        var today = project.Today(clock.GetUtcNow().UtcDateTime);
        var plans = await db.PaymentPlans.AsNoTracking().Where(p => p.ProjectId == project.Id && p.Active).OrderBy(p => p.Id).ToListAsync();
        // Ordered here, not by the database, which holds the kind as text and would sort it by name.
        var schemes = (await db.DiscountSchemes.AsNoTracking().Where(d => d.ProjectId == project.Id && d.Active).ToListAsync())
            .OrderBy(d => PriceQuote.Order(d.Kind)).ThenBy(d => d.Id).ToList();
        return new DealOptions(
            [.. plans.Select(Option)],
            [.. schemes
                .Where(s => s.ValidTo is not { } to || to >= today)
                .Select(s => new SchemeOption(s.Id, s.Name, s.Kind, s.Value, s.Identity, s.PaymentPlanId, s.ValidTo,
                    s.Refusal(unit, unit.Layout!.Code, today, s.PaymentPlanId) is { } refusal ? L.T(refusal, s.Name, unit.Code) : null))],
            project.DefaultDeposit,
            project.DefaultEarnest,
            project.Opening);
    }

    public async Task<QuoteResult> QuoteAsync(int unitId, IReadOnlyCollection<int> schemeIds, int? planId, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var unit = await UnitService.LoadAsync(db, unitId);
        if (unit is null)
        {
            return new QuoteResult.NotFound(L.T("unit.notFound"));
        }
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == unit.ProjectId);
        var today = project.Today(clock.GetUtcNow().UtcDateTime);
        try
        {
            var plan = planId is { } id
                ? await db.PaymentPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.ProjectId == project.Id && p.Active) ?? throw new DomainException("plan.unknown")
                : null;
            var ids = schemeIds.Distinct().ToList();
            var schemes = ids.Count == 0 ? [] : await db.DiscountSchemes.AsNoTracking().Where(d => d.ProjectId == project.Id && ids.Contains(d.Id)).ToListAsync();
            if (schemes.Count != ids.Count)
            {
                throw new DomainException("discount.unknown");
            }
            var quote = PriceQuote.For(unit, unit.Layout!.Code, schemes, today, plan?.Id);
            var deal = unit.LiveDeal;
            var earnest = Math.Min(deal?.EarnestAmount ?? project.DefaultEarnest, quote.FinalPrice);
            var contractDate = deal?.ContractDate ?? deal?.SignBy ?? today;
            var schedule = plan is null ? [] : PaymentSchedule.For(quote.FinalPrice, plan, contractDate, earnest, deal?.SubscribedOn ?? today);
            return new QuoteResult.Ok(new QuoteView(
                await UnitService.DetailsAsync(db, unit, viewer),
                project.Name,
                quote.ListPrice,
                [.. quote.Lines.Select(l => new PriceLineSummary(l.SchemeId, l.Name, l.Kind.ToString().ToLowerInvariant(), l.Value, l.Amount, l.After))],
                quote.FinalPrice,
                Money.Fen(quote.FinalPrice / unit.GrossArea),
                quote.FloorPrice,
                quote.BelowFloor,
                plan is null ? null : Option(plan),
                earnest,
                contractDate,
                schedule,
                schedule.Where(l => l.Kind is ReceivableKind.MortgageLoan or ReceivableKind.FundLoan).Sum(l => l.Amount),
                today));
        }
        catch (DomainException e)
        {
            return new QuoteResult.Refused(L.Message(e));
        }
    }

    private static PlanOption Option(PaymentPlan plan) =>
        new(plan.Id, plan.Name, plan.Kind, plan.DownPaymentPercent, plan.LoanPercent, plan.FundPercent);
}
