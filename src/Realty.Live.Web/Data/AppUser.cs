using Microsoft.AspNetCore.Identity;

namespace Realty.Live.Web.Data;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Created by the demo seed; the login page lists these while any exist.</summary>
    public bool IsDemo { get; set; }
}

public static class Roles
{
    public const string Agent = "Agent";
    public const string Manager = "Manager";
    public const string Finance = "Finance";
    public const string Admin = "Admin";
    public const string Display = "Display";

    public static readonly string[] All = [Agent, Manager, Finance, Admin, Display];

    /// <summary>Roles that may take sales actions on units.</summary>
    public const string Sales = Agent + "," + Manager;
}
