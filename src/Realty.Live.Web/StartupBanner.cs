using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;

namespace Realty.Live.Web;

/// <summary>Tells whoever started the app where to open it and, for the demo, how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var factory = app.Services.GetRequiredService<IDbContextFactory<RealtyDbContext>>();
        using var db = factory.CreateDbContext();
        var demo = db.Users.Where(u => u.IsDemo).Select(u => new { u.Email, u.DisplayName }).ToList();
        var lines = new List<string> { "", "Realty.Live is running:" };
        lines.AddRange(addresses.Select(a => "  " + a));
        if (demo.Count > 0)
        {
            lines.Add($"Demo sign-ins (password {DemoSeed.Password}):");
            lines.AddRange(demo.Select(u => $"  {u.Email,-30} {u.DisplayName}"));
        }
        Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
