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
            customer.IsEditableBy(viewer), [.. timeline.Select(InteractionView.Of)]);
    }
}
