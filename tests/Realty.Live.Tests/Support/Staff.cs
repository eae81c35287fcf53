using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Support;

/// <summary>User accounts for the test people, for features that pick people from the staff list (e.g. transfers).</summary>
public static class Staff
{
    /// <summary>An agent who joins the tests' sales office when a third one is needed.</summary>
    public static readonly Actor Zhou = new("agent-zhou", "周杰", IsManager: false);

    /// <summary>Adds an account for each person, in the agent or manager role; <paramref name="left"/> is locked out, as someone who left.</summary>
    public static async Task AddStaffAsync(this TestDatabase database, IEnumerable<Actor> people, Actor? left = null)
    {
        await using var db = database.Open();
        var roles = new Dictionary<string, IdentityRole>();
        foreach (var name in new[] { Roles.Agent, Roles.Manager })
        {
            var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == name);
            if (role is null)
            {
                role = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
                db.Roles.Add(role);
            }
            roles[name] = role;
        }
        foreach (var person in people)
        {
            var user = new AppUser
            {
                Id = person.Id,
                UserName = person.Id,
                NormalizedUserName = person.Id.ToUpperInvariant(),
                DisplayName = person.Name,
                LockoutEnd = person == left ? DateTimeOffset.MaxValue : null,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[person.IsManager ? Roles.Manager : Roles.Agent].Id });
        }
        await db.SaveChangesAsync();
    }
}
