using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;

namespace Realty.Live.Web.Realtime;

/// <summary>What external clients receive for each committed change.</summary>
public sealed record UnitChangedMessage(int UnitId, string Code, string Status, int Version, string By, DateTime At);

/// <summary>
/// The SignalR endpoint for clients outside Blazor (LED walls, tablet apps, other systems):
/// signed-in users call <c>Watch(projectId)</c>, a display screen calls <c>WatchDisplay(token)</c>,
/// and both then receive <c>UnitChanged</c>.
/// </summary>
public sealed class BoardHub(IDbContextFactory<RealtyDbContext> dbFactory) : Hub
{
    public const string Path = "/hubs/board";

    public static string Group(int projectId) => $"project:{projectId}";

    public async Task Watch(int projectId)
    {
        if (Context.User?.Identity?.IsAuthenticated != true)
        {
            throw new HubException("Sign in, or use WatchDisplay with a display link token.");
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            throw new HubException($"Project {projectId} does not exist.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(projectId));
    }

    public async Task<int> WatchDisplay(string token)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var link = await db.DisplayLinks.AsNoTracking().SingleOrDefaultAsync(d => d.Token == token && d.RevokedAt == null)
            ?? throw new HubException("This display link is not valid.");
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(link.ProjectId));
        return link.ProjectId;
    }

    public Task Unwatch(int projectId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(projectId));
}
