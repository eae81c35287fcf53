using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Displays;

public sealed record DisplayLinkInfo(int Id, int ProjectId, string Name, string Token, string CreatedBy, DateTime CreatedAt, DateTime? RevokedAt)
{
    public string Path => DisplayLinkService.WallPath(Token);
}

/// <summary>Creates, lists, resolves and revokes the links that sales-floor TVs open.</summary>
public sealed class DisplayLinkService(IDbContextFactory<RealtyDbContext> dbFactory, BoardBroadcaster broadcaster, TimeProvider clock)
{
    public static string WallPath(string token) => $"/wall/{token}";

    public async Task<DisplayLinkInfo?> CreateAsync(int projectId, string name, Actor manager)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            return null;
        }
        var link = new DisplayLink(projectId, name, manager, clock.GetUtcNow().UtcDateTime);
        db.DisplayLinks.Add(link);
        await db.SaveChangesAsync();
        return ToInfo(link);
    }

    public async Task<IReadOnlyList<DisplayLinkInfo>> ListAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var links = await db.DisplayLinks.AsNoTracking().Where(d => d.ProjectId == projectId)
            .OrderBy(d => d.RevokedAt != null).ThenByDescending(d => d.Id).ToListAsync();
        return [.. links.Select(ToInfo)];
    }

    /// <summary>The project a still-valid token shows, or null.</summary>
    public async Task<int?> ResolveAsync(string token)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.DisplayLinks.AsNoTracking()
            .Where(d => d.Token == token && d.RevokedAt == null)
            .Select(d => (int?)d.ProjectId)
            .SingleOrDefaultAsync();
    }

    public async Task<bool> RevokeAsync(int projectId, int linkId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var link = await db.DisplayLinks.SingleOrDefaultAsync(d => d.Id == linkId && d.ProjectId == projectId);
        if (link is null)
        {
            return false;
        }
        link.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await broadcaster.PublishAsync(new DisplayRevoked(projectId, link.Token));
        return true;
    }

    private static DisplayLinkInfo ToInfo(DisplayLink d) => new(d.Id, d.ProjectId, d.Name, d.Token, d.CreatedBy, d.CreatedAt, d.RevokedAt);
}
