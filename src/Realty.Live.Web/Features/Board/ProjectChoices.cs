using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;

namespace Realty.Live.Web.Features.Board;

public sealed record ProjectChoice(int Id, string Name);

/// <summary>The projects a page lets people pick from, in set-up order.</summary>
public static class ProjectChoices
{
    public static async Task<IReadOnlyList<ProjectChoice>> ListAsync(this IDbContextFactory<RealtyDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new ProjectChoice(p.Id, p.Name)).ToListAsync();
    }
}
