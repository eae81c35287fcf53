using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Account;

public static class UserActor
{
    public const string DisplayNameClaim = "display_name";

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "",
        user.IsInRole(Roles.Manager));

    public static bool CanSell(this ClaimsPrincipal user) => user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Manager);
}

/// <summary>Puts the person's display name into the cookie and bearer token, so events name people, not emails.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserActor.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
