using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Ownership;

/// <summary>
/// The manager's edit of a project's channel list (来源渠道). A project without its own list offers the
/// defaults; the first edit makes them its own. A channel customers came through is retired, never
/// deleted: they keep its name, and reports still group them by it.
/// </summary>
public sealed class ChannelAdminService(IDbContextFactory<RealtyDbContext> dbFactory)
{
    /// <summary>The list in the register form's order, retired channels last.</summary>
    public async Task<IReadOnlyList<ChannelRow>> ListAsync(int projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var own = await db.ProjectChannels.AsNoTracking().Where(c => c.ProjectId == projectId).ToListAsync();
        var used = await db.Customers.AsNoTracking().Where(c => c.ProjectId == projectId)
            .GroupBy(c => c.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        if (own.Count == 0)
        {
            return [.. ProjectChannel.Defaults.Select(name => new ChannelRow(name, false, used.GetValueOrDefault(name)))];
        }
        return [.. own.OrderBy(c => c.Retired).ThenBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new ChannelRow(c.Name, c.Retired, used.GetValueOrDefault(c.Name)))];
    }

    /// <summary>Adds a channel at the end; a retired one of the same name comes back instead.</summary>
    public Task<OwnershipAnswer> AddAsync(int projectId, string? name, Actor by) =>
        EditAsync(projectId, by, (db, channels) =>
        {
            var typed = ChannelName(name);
            if (channels.SingleOrDefault(c => c.Name == typed) is { } existing)
            {
                if (!existing.Retired)
                {
                    throw new DomainException("channel.exists", typed);
                }
                existing.Retired = false;
                existing.Order = NextOrder(channels);
                return Task.FromResult(L.T("channel.restored", typed));
            }
            db.ProjectChannels.Add(new ProjectChannel { ProjectId = projectId, Name = typed, Order = NextOrder(channels) });
            return Task.FromResult(L.T("channel.added", typed));
        });

    /// <summary>
    /// A rename corrects the name: the customers who came through the channel follow it, so reports
    /// do not split one channel in two. A new channel is added, and the old one retired, instead.
    /// </summary>
    public Task<OwnershipAnswer> RenameAsync(int projectId, string channelName, string? name, Actor by) =>
        EditAsync(projectId, by, async (db, channels) =>
        {
            var channel = Find(channels, channelName);
            var typed = ChannelName(name);
            if (typed == channel.Name)
            {
                throw new DomainException("channel.unchanged");
            }
            if (channels.Any(c => c.Name == typed))
            {
                throw new DomainException("channel.exists", typed);
            }
            var old = channel.Name;
            channel.Name = typed;
            await db.Customers.Where(c => c.ProjectId == projectId && c.Channel == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.Channel, typed));
            return L.T("channel.renamed", old, typed);
        });

    /// <summary>Moves a channel one place up (-1) or down (+1) in the register form.</summary>
    public Task<OwnershipAnswer> MoveAsync(int projectId, string channelName, int step, Actor by) =>
        EditAsync(projectId, by, (_, channels) =>
        {
            var active = channels.Where(c => !c.Retired).OrderBy(c => c.Order).ThenBy(c => c.Id).ToList();
            var channel = Find(channels, channelName);
            var at = active.IndexOf(channel);
            var to = at + Math.Sign(step);
            if (at < 0 || step == 0 || to < 0 || to >= active.Count)
            {
                throw new DomainException("channel.cannotMove");
            }
            (active[at], active[to]) = (active[to], active[at]);
            for (var i = 0; i < active.Count; i++)
            {
                active[i].Order = i;
            }
            return Task.FromResult(L.T("channel.moved", channel.Name));
        });

    /// <summary>Removes a channel nobody came through; retires one customers came through.</summary>
    public Task<OwnershipAnswer> RemoveAsync(int projectId, string channelName, Actor by) =>
        EditAsync(projectId, by, async (db, channels) =>
        {
            var channel = Find(channels, channelName);
            if (channel.Retired)
            {
                throw new DomainException("channel.alreadyRetired", channel.Name);
            }
            if (channels.Count(c => !c.Retired) == 1)
            {
                throw new DomainException("channel.lastOne");
            }
            if (await db.Customers.AnyAsync(c => c.ProjectId == projectId && c.Channel == channel.Name))
            {
                channel.Retired = true;
                return L.T("channel.retired", channel.Name);
            }
            db.ProjectChannels.Remove(channel);
            return L.T("channel.removed", channel.Name);
        });

    private async Task<OwnershipAnswer> EditAsync(int projectId, Actor by, Func<RealtyDbContext, List<ProjectChannel>, Task<string>> edit)
    {
        if (!by.IsManager)
        {
            return OwnershipAnswer.Refused(L.T("ownership.managersOnly"));
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Projects.AnyAsync(p => p.Id == projectId))
        {
            return OwnershipAnswer.Refused(L.T("project.notFound"));
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var channels = await db.ProjectChannels.Where(c => c.ProjectId == projectId).ToListAsync();
        if (channels.Count == 0)
        {
            // The defaults become the project's own list, so they can be edited like any other.
            channels = [.. ProjectChannel.Defaults.Select((name, i) => new ProjectChannel { ProjectId = projectId, Name = name, Order = i })];
            db.ProjectChannels.AddRange(channels);
            await db.SaveChangesAsync();
        }
        string message;
        try
        {
            message = await edit(db, channels);
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            return OwnershipAnswer.Refused(L.Message(e));
        }
        catch (DbUpdateException)
        {
            // Another manager edited the list at the same moment (the unique name refused our row).
            return OwnershipAnswer.Refused(L.T("ownership.changedMeanwhile"));
        }
        await transaction.CommitAsync();
        return new OwnershipAnswer(true, message);
    }

    private static ProjectChannel Find(List<ProjectChannel> channels, string name) =>
        channels.SingleOrDefault(c => c.Name == name) ?? throw new DomainException("channel.notFound");

    private static int NextOrder(List<ProjectChannel> channels) => channels.Count == 0 ? 0 : channels.Max(c => c.Order) + 1;

    private static string ChannelName(string? typed)
    {
        var name = (typed ?? "").Trim();
        if (name.Length == 0)
        {
            throw new DomainException("channel.name.required");
        }
        if (name.Length > Customer.MaxChannelLength)
        {
            throw new DomainException("channel.name.tooLong", Customer.MaxChannelLength);
        }
        if (name.Any(char.IsControl) || name.IndexOfAny(['<', '>']) >= 0)
        {
            throw new DomainException("channel.name.invalid");
        }
        return name;
    }
}
