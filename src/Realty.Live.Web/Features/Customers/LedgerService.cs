using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Customers;

/// <summary>
/// The customer ledger (客户台帐): profile and timeline. The owner agent and managers read and write it;
/// other agents are refused, because a customer's history is their owner's livelihood.
/// </summary>
public sealed class LedgerService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public const int TimelineLimit = 300;

    private static readonly UnitAction[] DealNoise = [UnitAction.RequestChange, UnitAction.DropChange];

    public async Task<LedgerAnswer> LedgerAsync(int customerId, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId);
        if (customer is null)
        {
            return new LedgerAnswer.Refused(L.T("ledger.notFound"));
        }
        if (!customer.IsEditableBy(viewer))
        {
            return new LedgerAnswer.Refused(L.T("ledger.notYours", customer.OwnerName));
        }
        return new LedgerAnswer.Found(await ViewAsync(db, customer, viewer));
    }

    public Task<LedgerAnswer> AddInteractionAsync(int customerId, InteractionEntry entry, Actor by) =>
        ChangeAsync(customerId, by, (db, customer, today) =>
        {
            db.CustomerInteractions.Add(customer.Record(entry, by, clock.GetUtcNow().UtcDateTime, today));
            return L.T("ledger.added");
        });

    public Task<LedgerAnswer> UpdateProfileAsync(int customerId, ProfileEdit edit, Actor by) =>
        ChangeAsync(customerId, by, (_, customer, today) =>
        {
            customer.UpdateContact(edit.Email, edit.Birthday, by, today);
            customer.UpdateProfile(edit, by);
            return L.T("ledger.profileSaved");
        });

    public Task<LedgerAnswer> MarkOwnerAsync(int customerId, Actor by) =>
        ChangeAsync(customerId, by, (_, customer, _) =>
        {
            customer.MarkOwner(by);
            return L.T("ledger.owner.done", customer.Name);
        });

    private async Task<LedgerAnswer> ChangeAsync(int customerId, Actor by, Func<RealtyDbContext, Customer, DateOnly, string> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId);
        if (customer is null)
        {
            return new LedgerAnswer.Refused(L.T("ledger.notFound"));
        }
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == customer.ProjectId);
        string message;
        try
        {
            message = change(db, customer, project.Today(clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainException e)
        {
            return new LedgerAnswer.Refused(L.Message(e));
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The customer changed hands (a transfer, the pool, a merge) while this was typed.
            return new LedgerAnswer.Refused(L.T("ownership.changedMeanwhile"));
        }
        return new LedgerAnswer.Found(await ViewAsync(db, customer, by), message);
    }

    private async Task<LedgerView> ViewAsync(RealtyDbContext db, Customer customer, Actor viewer)
    {
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == customer.ProjectId);
        var today = project.Today(clock.GetUtcNow().UtcDateTime);
        var timeline = await db.CustomerInteractions.AsNoTracking()
            .Where(i => i.CustomerId == customer.Id)
            .OrderByDescending(i => i.At).ThenByDescending(i => i.Id)
            .Take(TimelineLimit)
            .ToListAsync();
        return new LedgerView(CustomerView.Of(customer, viewer, today), ProfileView.Of(customer, viewer), today,
            customer.IsEditableBy(viewer), [.. timeline.Select(InteractionView.Of)])
        {
            DealSteps = await DealStepsAsync(db, customer.Id),
        };
    }

    /// <summary>What happened to the customer's real deals, step by step; asking for and dropping a change is not a step.</summary>
    private static async Task<IReadOnlyList<DealStepView>> DealStepsAsync(RealtyDbContext db, int customerId)
    {
        var steps = await (
            from e in db.UnitEvents.AsNoTracking()
            join d in db.Deals on e.DealId equals d.Id
            where d.CustomerId == customerId && !d.IsRehearsal && !DealNoise.Contains(e.Action)
            orderby e.At descending, e.Id descending
            select new { Event = e, d.Price, d.FinalPrice, d.DepositAmount, d.EarnestAmount, d.AgentName, d.ClosedAt })
            .Take(TimelineLimit)
            .ToListAsync();
        return [.. steps.Select(s => new DealStepView(
            s.Event.Id, s.Event.DealId!.Value, s.Event.UnitCode, s.Event.Action, s.Event.To, s.FinalPrice ?? s.Price,
            s.Event.Action switch { UnitAction.Deposit => s.DepositAmount, UnitAction.Subscribe => s.EarnestAmount, _ => null },
            s.Event.At, s.Event.ActorName, s.AgentName, s.Event.Reason, s.ClosedAt is null))];
    }
}
