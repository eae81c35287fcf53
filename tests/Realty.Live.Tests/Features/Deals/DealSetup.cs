using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Tests.Features.Deals;

/// <summary>Everything a deal writes, read back in one go: equal before and after means nothing was written.</summary>
public sealed record Ledger(int UnitVersions, string Deals, string Receipts, string Receivables, int Events, int Requests, int Reminders, int Tickets);

/// <summary>Plans, schemes and the ledger of a seeded project, for the tests of the deal services.</summary>
internal static class DealSetup
{
    public static async Task<int> AddPlanAsync(this ServiceHarness app, int projectId, PaymentPlanTerms terms, bool retired = false)
    {
        await using var db = app.Open();
        var plan = new PaymentPlan(projectId, terms);
        if (retired)
        {
            plan.Retire();
        }
        db.PaymentPlans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    public static async Task<int> AddSchemeAsync(this ServiceHarness app, int projectId, DiscountTerms terms, bool retired = false)
    {
        await using var db = app.Open();
        var scheme = new DiscountScheme(projectId, terms);
        if (retired)
        {
            scheme.Retire();
        }
        db.DiscountSchemes.Add(scheme);
        await db.SaveChangesAsync();
        return scheme.Id;
    }

    public static async Task<Ledger> LedgerAsync(this ServiceHarness app)
    {
        await using var db = app.Open();
        var deals = await db.Deals.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        var receipts = await db.Receipts.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        var receivables = await db.Receivables.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        return new Ledger(
            await db.Units.SumAsync(u => u.Version),
            string.Join("; ", deals.Select(d => $"{d.Id} {d.UnitId} {d.Stage} {d.FinalPrice} {d.PaymentPlanId} {d.DepositAmount} {d.EarnestAmount} {d.SubscriptionNo} {d.ContractNo} {d.ContractDate} {d.ApprovedPrice} {d.CustomerName} {d.CoBuyers} {d.ClosedAt} {d.UpdatedAt:O}")),
            string.Join("; ", receipts.Select(r => $"{r.Id} {r.DealId} {r.QueueTicketId} {r.Kind} {r.Amount}")),
            string.Join("; ", receivables.Select(r => $"{r.Id} {r.DealId} {r.Kind} {r.Due} {r.Amount}")),
            await db.UnitEvents.CountAsync(),
            await db.ChangeRequests.CountAsync(),
            await db.Reminders.CountAsync(),
            await db.QueueTickets.CountAsync());
    }

    public static async Task<int> VersionAsync(this ServiceHarness app, int unitId)
    {
        await using var db = app.Open();
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.Version).SingleAsync();
    }

    public static async Task<IReadOnlyList<Receipt>> ReceiptsAsync(this ServiceHarness app, int dealId)
    {
        await using var db = app.Open();
        return await db.Receipts.AsNoTracking().Where(r => r.DealId == dealId).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>What the deal's buyer owes, in order: kind, due day and amount.</summary>
    public static async Task<IReadOnlyList<(ReceivableKind Kind, DateOnly Due, decimal Amount)>> ScheduleAsync(this ServiceHarness app, int dealId)
    {
        await using var db = app.Open();
        var lines = await db.Receivables.AsNoTracking().Where(r => r.DealId == dealId).OrderBy(r => r.Sequence).ToListAsync();
        return [.. lines.Select(l => (l.Kind, l.Due, l.Amount))];
    }

    /// <summary>Takes a step that must succeed, at the unit's current version.</summary>
    public static async Task<UnitDetails> StepAsync(this ServiceHarness app, int unitId, UnitAction action, UnitCommand command, Actor? actor = null)
    {
        var version = await app.VersionAsync(unitId);
        var result = await app.Units.ExecuteAsync(unitId, action, command with { ExpectedVersion = version }, actor ?? People.Wang);
        return Assert.IsType<CommandResult.Done>(result).Unit;
    }

    /// <summary>Takes a step that must be refused, at the unit's current version, and says why.</summary>
    public static async Task<string> RefusedAsync(this ServiceHarness app, int unitId, UnitAction action, UnitCommand command, Actor? actor = null)
    {
        var version = await app.VersionAsync(unitId);
        var result = await app.Units.ExecuteAsync(unitId, action, command with { ExpectedVersion = version }, actor ?? People.Wang);
        return Assert.IsType<CommandResult.Rejected>(result).Message;
    }
}
