using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Setup;

public sealed record PlanRow(int Id, string Name, PaymentPlanKind Kind, decimal DownPaymentPercent, int DownPaymentDays,
    IReadOnlyList<PlanInstalment> Instalments, decimal LoanPercent, decimal FundPercent, int LoanDays, bool Active, int Deals)
{
    public PaymentPlanTerms Terms => new(Name, Kind, DownPaymentPercent, DownPaymentDays, Instalments, LoanPercent, FundPercent, LoanDays);
}

public sealed record SchemeRow(int Id, string Name, DiscountKind Kind, decimal Value, DateOnly? ValidFrom, DateOnly? ValidTo, string? Identity,
    IReadOnlyList<string> Stacks, IReadOnlyList<string> Layouts, int? PaymentPlanId, bool Active)
{
    public DiscountTerms Terms => new(Name, Kind, Value, ValidFrom, ValidTo, Identity, Stacks, Layouts, PaymentPlanId);
}

/// <summary>What the sales desk of a project works with, as a manager sets it up: its deadlines and amounts, payment plans and discounts.</summary>
public sealed record SalesTerms(string ProjectName, ProjectSettings Settings, IReadOnlyList<PlanRow> Plans, IReadOnlyList<SchemeRow> Schemes,
    IReadOnlyList<string> Stacks, IReadOnlyList<string> Layouts);

/// <summary>Null when done, or what was refused; nothing is written on a refusal.</summary>
public sealed record SetupRefusal(string Message);

/// <summary>
/// A project's sales terms. A plan or a discount is never deleted, only retired: deals that used one
/// keep pointing at it. Edits are last-writer-wins: one manager sets these up, rarely.
/// </summary>
public sealed class SalesTermsService(IDbContextFactory<RealtyDbContext> dbFactory)
{
    public async Task<SalesTerms?> GetAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId);
        if (project is null)
        {
            return null;
        }
        var plans = await db.PaymentPlans.AsNoTracking().Where(p => p.ProjectId == projectId).OrderByDescending(p => p.Active).ThenBy(p => p.Id).ToListAsync();
        var uses = await db.Deals.Where(d => d.ProjectId == projectId && d.PaymentPlanId != null)
            .GroupBy(d => d.PaymentPlanId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var schemes = await db.DiscountSchemes.AsNoTracking().Where(d => d.ProjectId == projectId).OrderByDescending(d => d.Active).ThenBy(d => d.Kind).ThenBy(d => d.Id).ToListAsync();
        return new SalesTerms(
            project.Name,
            new ProjectSettings(project.HoldMinutes, project.DepositDays, project.SignWithinDays, project.DefaultDeposit, project.DefaultEarnest,
                project.DefaultSincerity, project.UnitsPerBuyer, project.TimeZoneId),
            [.. plans.Select(p => new PlanRow(p.Id, p.Name, p.Kind, p.DownPaymentPercent, p.DownPaymentDays, p.Instalments, p.LoanPercent, p.FundPercent,
                p.LoanDays, p.Active, uses.GetValueOrDefault(p.Id)))],
            [.. schemes.Select(s => new SchemeRow(s.Id, s.Name, s.Kind, s.Value, s.ValidFrom, s.ValidTo, s.Identity, s.Stacks, s.Layouts, s.PaymentPlanId, s.Active))],
            await db.Units.Where(u => u.ProjectId == projectId).Select(u => u.Stack).Distinct().OrderBy(s => s).ToListAsync(),
            await db.Layouts.Where(l => l.ProjectId == projectId).OrderBy(l => l.Code).Select(l => l.Code).ToListAsync());
    }

    public Task<SetupRefusal?> UpdateSettingsAsync(int projectId, ProjectSettings settings) =>
        WriteAsync(async db =>
        {
            var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId) ?? throw new DomainException("project.notFound");
            project.Update(settings);
        });

    /// <summary>Adds a plan, or changes one; deals already agreed keep the schedule they were given.</summary>
    public Task<SetupRefusal?> SavePlanAsync(int projectId, int? planId, PaymentPlanTerms terms) =>
        WriteAsync(async db =>
        {
            if (planId is { } id)
            {
                var plan = await db.PaymentPlans.SingleOrDefaultAsync(p => p.Id == id && p.ProjectId == projectId) ?? throw new DomainException("plan.unknown");
                plan.Update(terms);
            }
            else
            {
                await EnsureProjectAsync(db, projectId);
                db.PaymentPlans.Add(new PaymentPlan(projectId, terms));
            }
        });

    public Task<SetupRefusal?> RetirePlanAsync(int projectId, int planId) =>
        WriteAsync(async db =>
        {
            var plan = await db.PaymentPlans.SingleOrDefaultAsync(p => p.Id == planId && p.ProjectId == projectId) ?? throw new DomainException("plan.unknown");
            plan.Retire();
        });

    public Task<SetupRefusal?> SaveSchemeAsync(int projectId, int? schemeId, DiscountTerms terms) =>
        WriteAsync(async db =>
        {
            await CheckScopeAsync(db, projectId, terms);
            if (schemeId is { } id)
            {
                var scheme = await db.DiscountSchemes.SingleOrDefaultAsync(s => s.Id == id && s.ProjectId == projectId) ?? throw new DomainException("discount.unknown");
                scheme.Update(terms);
            }
            else
            {
                await EnsureProjectAsync(db, projectId);
                db.DiscountSchemes.Add(new DiscountScheme(projectId, terms));
            }
        });

    public Task<SetupRefusal?> RetireSchemeAsync(int projectId, int schemeId) =>
        WriteAsync(async db =>
        {
            var scheme = await db.DiscountSchemes.SingleOrDefaultAsync(s => s.Id == schemeId && s.ProjectId == projectId) ?? throw new DomainException("discount.unknown");
            scheme.Retire();
        });

    /// <summary>A discount for a plan, stack or layout the project does not have would silently apply to nothing.</summary>
    private static async Task CheckScopeAsync(RealtyDbContext db, int projectId, DiscountTerms terms)
    {
        if (terms.PaymentPlanId is { } planId && !await db.PaymentPlans.AnyAsync(p => p.Id == planId && p.ProjectId == projectId && p.Active))
        {
            throw new DomainException("plan.unknown");
        }
        var stacks = (terms.Stacks ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var knownStacks = await db.Units.Where(u => u.ProjectId == projectId).Select(u => u.Stack).Distinct().ToListAsync();
        if (stacks.FirstOrDefault(s => !knownStacks.Contains(s)) is { } stack)
        {
            throw new DomainException("discount.stack.unknown", stack);
        }
        var layouts = (terms.Layouts ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var knownLayouts = await db.Layouts.Where(l => l.ProjectId == projectId).Select(l => l.Code).ToListAsync();
        if (layouts.FirstOrDefault(l => !knownLayouts.Contains(l)) is { } layout)
        {
            throw new DomainException("discount.layout.unknown", layout);
        }
    }

    private static async Task EnsureProjectAsync(RealtyDbContext db, int projectId)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            throw new DomainException("project.notFound");
        }
    }

    private async Task<SetupRefusal?> WriteAsync(Func<RealtyDbContext, Task> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        try
        {
            await change(db);
        }
        catch (DomainException e)
        {
            return new SetupRefusal(L.Message(e));
        }
        await db.SaveChangesAsync();
        return null;
    }
}
