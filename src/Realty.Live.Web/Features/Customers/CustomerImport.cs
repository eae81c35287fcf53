using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Pricing;
using Realty.Live.Web.Localization;
using static Realty.Live.Web.Features.Customers.CustomerSheet;

namespace Realty.Live.Web.Features.Customers;

public enum ImportOutcome
{
    Created,

    /// <summary>The mobile is a customer already, of the project or of an earlier row: skipped.</summary>
    Duplicate,

    Invalid,
}

/// <summary>What became, or would become, of one row; the owner is who has (or would have) the customer.</summary>
public sealed record CustomerImportRow(int Row, string Name, string Mobile, ImportOutcome Outcome, string Message, string? Owner = null);

/// <summary>A preview (nothing written) or the result of applying it; rows in the file's order.</summary>
public sealed record CustomerImportReport(bool Applied, bool CanApply, string Summary, IReadOnlyList<CustomerImportRow> Rows)
{
    public int Created => Rows.Count(r => r.Outcome == ImportOutcome.Created);

    public int Duplicates => Rows.Count(r => r.Outcome == ImportOutcome.Duplicate);

    public int Invalid => Rows.Count(r => r.Outcome == ImportOutcome.Invalid);

    public static CustomerImportReport Refused(string summary, IReadOnlyList<CustomerImportRow>? rows = null) => new(false, false, summary, rows ?? []);
}

/// <summary>
/// Customers from a sheet, with the rules of registering one by one (<see cref="CustomerService"/>): a
/// mobile already registered is a duplicate, named with its owner, and another agent's attempt is logged.
/// The preview writes nothing; applying writes every new customer and logged attempt in one save, or, if
/// any row is invalid or anything fails, nothing.
/// </summary>
public sealed class CustomerImport(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    public const long MaxFileBytes = PriceSheet.MaxFileBytes;

    public Task<CustomerImportReport> PreviewAsync(int projectId, Stream file, Actor by) => RunAsync(projectId, file, by, apply: false);

    public Task<CustomerImportReport> ApplyAsync(int projectId, Stream file, Actor by) => RunAsync(projectId, file, by, apply: true);

    private async Task<CustomerImportReport> RunAsync(int projectId, Stream file, Actor by, bool apply)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            return CustomerImportReport.Refused(L.T("project.notFound"));
        }
        IReadOnlyList<SheetRow> rows;
        try
        {
            rows = PriceSheet.Read(file, Imported, Name);
        }
        catch (DomainException e)
        {
            return CustomerImportReport.Refused(L.Message(e));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new Plan(db, projectId, by, now, apply, await CustomerService.ChannelsAsync(db, projectId), await AccountsAsync(db, rows, by));
        foreach (var row in rows)
        {
            await plan.AddAsync(row);
        }
        var report = plan.Report;
        var invalid = report.Count(r => r.Outcome == ImportOutcome.Invalid);
        var created = report.Count(r => r.Outcome == ImportOutcome.Created);
        var duplicates = report.Count(r => r.Outcome == ImportOutcome.Duplicate);
        if (invalid > 0)
        {
            return new CustomerImportReport(false, false, L.T("customer.import.mustCorrect", invalid, report.Count), report);
        }
        if (!apply)
        {
            return new CustomerImportReport(false, created > 0, L.T("customer.import.preview", created, duplicates), report);
        }
        db.Customers.AddRange(plan.Customers);
        db.DuplicateAttempts.AddRange(plan.Attempts);
        try
        {
            // One save is one transaction: a row refused by the database takes every other row with it.
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The unique (project, mobile) index: somebody registered one of these mobiles since the rows were read.
            return CustomerImportReport.Refused(L.T("customer.import.raced"), report);
        }
        return new CustomerImportReport(true, false, L.T("customer.import.applied", created, duplicates), report);
    }

    /// <summary>The agents and managers the sheet names by account (email or user name).</summary>
    private static async Task<IReadOnlyDictionary<string, Actor>> AccountsAsync(RealtyDbContext db, IReadOnlyList<SheetRow> rows, Actor by)
    {
        var named = rows.Select(r => PriceSheet.Text(r[AgentAccount]).ToUpperInvariant()).Where(a => a.Length > 0).Distinct().ToList();
        if (named.Count == 0)
        {
            return new Dictionary<string, Actor>();
        }
        var sellers = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Agent || r.Name == Roles.Manager), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        var sellerIds = sellers.Select(s => s.UserId).ToHashSet();
        var managers = sellers.Where(s => s.Name == Roles.Manager).Select(s => s.UserId).ToHashSet();
        var users = await db.Users.AsNoTracking()
            .Where(u => named.Contains(u.NormalizedEmail!) || named.Contains(u.NormalizedUserName!))
            .ToListAsync();
        var accounts = new Dictionary<string, Actor>();
        foreach (var user in users.Where(u => sellerIds.Contains(u.Id)))
        {
            var actor = new Actor(user.Id, user.DisplayName, managers.Contains(user.Id));
            foreach (var key in new[] { user.NormalizedEmail, user.NormalizedUserName }.OfType<string>())
            {
                accounts[key] = actor;
            }
        }
        return accounts;
    }

    /// <summary>The rows read so far: what each becomes, and what applying them writes.</summary>
    private sealed class Plan(
        RealtyDbContext db, int projectId, Actor by, DateTime now, bool apply, IReadOnlyList<string> channels, IReadOnlyDictionary<string, Actor> accounts)
    {
        private readonly Dictionary<string, (int Row, string Owner)> _mobiles = [];
        private readonly Dictionary<string, string> _names = [];

        public List<CustomerImportRow> Report { get; } = [];

        public List<Customer> Customers { get; } = [];

        public List<DuplicateAttempt> Attempts { get; } = [];

        public async Task AddAsync(SheetRow row)
        {
            var name = PriceSheet.Text(row[Name]);
            var mobile = PriceSheet.Text(row[Mobile]);
            try
            {
                var contact = CustomerContact.Create(name, mobile);
                var owner = Owner(PriceSheet.Text(row[AgentAccount]));
                var customer = Customer.Register(projectId, contact, PriceSheet.Text(row[Channel]), channels, FirstContactOf(row[FirstContactColumn]), owner, now);
                if (_mobiles.TryGetValue(contact.Phone, out var earlier))
                {
                    Report.Add(new(row.Number, contact.Name, contact.Phone, ImportOutcome.Duplicate, L.T("customer.import.duplicateInFile", earlier.Row, earlier.Owner), earlier.Owner));
                    return;
                }
                if (await CustomerService.ByMobileAsync(db, projectId, contact.Phone) is { } existing)
                {
                    _mobiles[contact.Phone] = (row.Number, existing.OwnerName);
                    // The row's owner is who claims the customer, whoever uploads the sheet: the log names them.
                    var attempt = CustomerService.Attempt(existing, contact, owner, now);
                    if (attempt is not null)
                    {
                        Attempts.Add(attempt);
                    }
                    var message = apply || attempt is null
                        ? CustomerService.Refusal(existing, owner)
                        : L.T("customer.import.duplicate", existing.OwnerName, L.Time(existing.RegisteredAt, "MM-dd"));
                    Report.Add(new(row.Number, contact.Name, contact.Phone, ImportOutcome.Duplicate, message, existing.OwnerName));
                    return;
                }
                _mobiles[contact.Phone] = (row.Number, owner.Name);
                Customers.Add(customer);
                Report.Add(new(row.Number, contact.Name, contact.Phone, ImportOutcome.Created, await CreatedAsync(contact, owner), owner.Name));
            }
            catch (DomainException e)
            {
                Report.Add(new(row.Number, name, mobile, ImportOutcome.Invalid, L.Message(e)));
            }
        }

        private Actor Owner(string account)
        {
            if (account.Length == 0)
            {
                return by;
            }
            var named = accounts.GetValueOrDefault(account.ToUpperInvariant());
            if (!by.IsManager)
            {
                // An agent's list is their own customers: handing buyers to colleagues is a manager's call.
                return named?.Id == by.Id ? by : throw new DomainException("customer.import.agentManagerOnly");
            }
            return named ?? throw new DomainException("customer.import.agentUnknown", account.Length > 40 ? account[..40] + "…" : account);
        }

        /// <summary>A new customer; if someone of the same name exists, applying confirms it is another person, as the register form asks.</summary>
        private async Task<string> CreatedAsync(CustomerContact contact, Actor owner)
        {
            var created = L.T("customer.import.created", owner.Name);
            if (_names.TryGetValue(contact.Name, out var earlierOwner))
            {
                return created + " " + L.T("customer.import.sameName", contact.Name, earlierOwner);
            }
            _names[contact.Name] = owner.Name;
            return await CustomerService.SameNameAsync(db, projectId, contact.Name) is [var first, ..]
                ? created + " " + L.T("customer.import.sameName", contact.Name, first.OwnerName)
                : created;
        }
    }
}
