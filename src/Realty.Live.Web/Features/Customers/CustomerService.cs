using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Customers;

/// <summary>
/// Registration with the duplicate rules (防撞单): one mobile is one customer per project and the first
/// registration owns it; a second agent is refused with the owner named and the attempt logged.
/// </summary>
public sealed class CustomerService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public const int ListLimit = 200;

    public async Task<IReadOnlyList<string>> ChannelsAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ChannelsAsync(db, projectId);
    }

    public async Task<RegisterResult> RegisterAsync(RegisterCustomer command, Actor agent)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        CustomerContact contact;
        Customer customer;
        try
        {
            contact = CustomerContact.Create(command.Name, command.Mobile);
            if (!await db.Projects.AnyAsync(p => p.Id == command.ProjectId))
            {
                throw new DomainException("project.notFound");
            }
            customer = Customer.Register(command.ProjectId, contact, command.Channel, await ChannelsAsync(db, command.ProjectId),
                command.FirstContact, agent, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return new RegisterResult.Rejected(L.Message(e));
        }

        if (await ByMobileAsync(db, command.ProjectId, contact.Phone) is { } existing)
        {
            return await RefuseAsync(db, existing, contact, agent);
        }
        if (!command.Confirm && await SameNameAsync(db, command.ProjectId, contact.Name) is { Count: > 0 } sameName)
        {
            var first = sameName[0];
            return new RegisterResult.PossibleDuplicate([.. sameName.Select(c => CustomerView.Of(c, agent))],
                L.T("customer.possibleDuplicate", contact.Name, first.OwnerName, L.Time(first.RegisteredAt, "MM-dd")));
        }

        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The unique (project, mobile) index refused our row: another agent registered the same
            // mobile a moment before us, and whoever committed first owns the customer.
            await using var fresh = await dbFactory.CreateDbContextAsync();
            if (await ByMobileAsync(fresh, command.ProjectId, contact.Phone) is not { } winner)
            {
                throw;
            }
            return await RefuseAsync(fresh, winner, contact, agent);
        }
        return new RegisterResult.Registered(CustomerView.Of(customer, agent), L.T("customer.registered", customer.Name));
    }

    /// <summary>Agents list their own customers; managers every customer of the project.</summary>
    /// <param name="limit">How many at most: a page shows <see cref="ListLimit"/>, an export more.</param>
    public async Task<IReadOnlyList<CustomerView>> ListAsync(int projectId, CustomerFilter filter, Actor viewer, int limit = ListLimit)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.Customers.AsNoTracking().Where(c => c.ProjectId == projectId);
        if (!viewer.IsManager)
        {
            query = query.Where(c => c.OwnerId == viewer.Id);
        }
        if (filter.Stage is { } stage)
        {
            query = query.Where(c => c.Stage == stage);
        }
        if (!string.IsNullOrWhiteSpace(filter.Channel))
        {
            query = query.Where(c => c.Channel == filter.Channel);
        }
        if (!string.IsNullOrWhiteSpace(filter.Layout))
        {
            var layout = filter.Layout.Trim();
            query = query.Where(c => c.WantedLayouts != null && c.WantedLayouts.Contains(layout));
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var digits = new string([.. text.Where(ch => char.IsDigit(ch) || ch == '+')]);
            // Mainland numbers are stored without the country code.
            digits = digits.StartsWith("+86", StringComparison.Ordinal) ? digits[3..] : digits;
            query = digits.Length >= 3
                ? query.Where(c => c.Name.Contains(text) || c.Mobile.Contains(digits))
                : query.Where(c => c.Name.Contains(text));
        }
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId);
        if (project is null)
        {
            return [];
        }
        var today = project.Today(clock.GetUtcNow().UtcDateTime);
        // Overdue follow-ups first, then the nearest due; customers with nothing planned last, newest first.
        var customers = await query
            .OrderBy(c => c.NextFollowUp == null ? 2 : c.NextFollowUp < today ? 0 : 1)
            .ThenBy(c => c.NextFollowUp)
            .ThenByDescending(c => c.RegisteredAt).ThenByDescending(c => c.Id)
            .Take(limit).ToListAsync();
        return [.. customers.Select(c => CustomerView.Of(c, viewer, today))];
    }

    public async Task<CustomerView?> GetAsync(int customerId, Actor viewer)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId);
        return customer is null ? null : CustomerView.Of(customer, viewer);
    }

    internal static async Task<IReadOnlyList<string>> ChannelsAsync(RealtyDbContext db, int projectId)
    {
        var own = await db.ProjectChannels.AsNoTracking()
            .Where(c => c.ProjectId == projectId && !c.Retired)
            .OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => c.Name)
            .ToListAsync();
        return own.Count > 0 ? own : ProjectChannel.Defaults;
    }

    /// <summary>Customers of the same name: possible duplicates, registered only when somebody confirms another person.</summary>
    internal static Task<List<Customer>> SameNameAsync(RealtyDbContext db, int projectId, string name) =>
        db.Customers.AsNoTracking().Where(c => c.ProjectId == projectId && c.Name == name).OrderBy(c => c.RegisteredAt).ToListAsync();

    /// <summary>The customer a mobile already is in the project, as their own or as the number of a record merged into them: every registration and import asks here.</summary>
    internal static Task<Customer?> ByMobileAsync(RealtyDbContext db, int projectId, string mobile) =>
        db.Customers.AsNoTracking()
            .Where(c => c.ProjectId == projectId && (c.Mobile == mobile || db.CustomerAliases.Any(a => a.CustomerId == c.Id && a.Mobile == mobile)))
            .OrderBy(c => c.Mobile == mobile ? 0 : 1)
            .FirstOrDefaultAsync();

    private async Task<RegisterResult> RefuseAsync(RealtyDbContext db, Customer existing, CustomerContact typed, Actor agent)
    {
        if (Attempt(existing, typed, agent, clock.GetUtcNow().UtcDateTime) is { } attempt)
        {
            db.DuplicateAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }
        return new RegisterResult.Duplicate(CustomerView.Of(existing, agent), Refusal(existing, agent));
    }

    /// <summary>Another agent's attempt on a registered mobile is logged for managers; the owner's own is not.</summary>
    internal static DuplicateAttempt? Attempt(Customer existing, CustomerContact typed, Actor agent, DateTime now) =>
        existing.IsOwnedBy(agent) ? null : DuplicateAttempt.Of(existing, typed, agent, now);

    /// <summary>Why a registered mobile is refused, with its owner named.</summary>
    internal static string Refusal(Customer existing, Actor agent) => existing.IsOwnedBy(agent)
        ? L.T("customer.duplicate.yours", existing.Name, L.Time(existing.RegisteredAt, "MM-dd"))
        : L.T("customer.duplicate", existing.OwnerName, L.Time(existing.RegisteredAt, "MM-dd"));
}
