using Microsoft.AspNetCore.Identity;
using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

/// <summary>One row of a customer sheet as an office types it.</summary>
public sealed record SheetLine(string Name, string Mobile, string Channel = "户外广告", string FirstContact = "来访", string? Account = null);

public static class CustomerSheets
{
    public const string WangAccount = "wangfang@demo.realty.live";
    public const string LiAccount = "liqiang@demo.realty.live";
    public const string ChenAccount = "manager@demo.realty.live";

    /// <summary>A sheet with the import's headers (bilingual, as the export writes them).</summary>
    public static MemoryStream Sheet(params SheetLine[] lines)
    {
        var rows = lines.Select(l => new Dictionary<string, object?>
        {
            [CustomerSheet.Name.Header] = l.Name,
            [CustomerSheet.Mobile.Header] = l.Mobile,
            [CustomerSheet.Channel.Header] = l.Channel,
            [CustomerSheet.FirstContactColumn.Header] = l.FirstContact,
            [CustomerSheet.AgentAccount.Header] = l.Account,
        }).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;
        return stream;
    }

    /// <summary>The sales office's people as accounts, for sheets that name agents: Wang and Li agents, Chen manager.</summary>
    public static async Task AddAccountsAsync(RealtyDbContext db)
    {
        var agent = new IdentityRole(Roles.Agent) { NormalizedName = Roles.Agent.ToUpperInvariant() };
        var manager = new IdentityRole(Roles.Manager) { NormalizedName = Roles.Manager.ToUpperInvariant() };
        db.Roles.AddRange(agent, manager);
        foreach (var (person, email, role) in new[] { (People.Wang, WangAccount, agent), (People.Li, LiAccount, agent), (People.Chen, ChenAccount, manager) })
        {
            db.Users.Add(new AppUser
            {
                Id = person.Id,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = person.Name,
            });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = role.Id });
        }
        await db.SaveChangesAsync();
    }

    public static RegisterCustomer Registration(int projectId, string name, string mobile) => new(projectId, name, mobile, "户外广告", FirstContact.WalkIn, Confirm: true);
}
