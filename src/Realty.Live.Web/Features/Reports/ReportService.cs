using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Reports;

/// <summary>
/// The sales reports (销售报表), for managers only. Every number is counted in the database: the date
/// range is turned into UTC instants once and compared against the indexed timestamps, and rows are
/// grouped and summed by SQL; only the few grouped rows, and the first rows of a list, come back.
/// <para>
/// Money and areas are decimals. SQLite has no decimal type, but EF Core (9 and later) sums decimals there
/// with its own <c>ef_sum</c> aggregate, exactly and inside the query, as the receipts already are
/// (ChangeService, NoticeMerge); PostgreSQL and SQL Server sum them natively. So sums are in SQL on
/// every provider. What SQLite cannot do is order by a decimal: nothing here does.
/// </para>
/// </summary>
public sealed partial class ReportService(IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Rows a page lists at most; its note says how many there are in all.</summary>
    public const int ScreenRows = 500;

    /// <summary>Rows an Excel export holds at most.</summary>
    public const int ExportRows = 20_000;

    /// <summary>The deal steps the measures count (the rest — releases, expiries, prices, resets — are not sales).</summary>
    private static readonly UnitAction[] StepActions = [UnitAction.Hold, UnitAction.Deposit, UnitAction.Subscribe, UnitAction.Sign, UnitAction.Cancel, UnitAction.MoveIn];

    private static readonly InteractionKind[] ContactKinds = [InteractionKind.WalkIn, InteractionKind.Call];

    /// <summary>
    /// Checks a report's query: the project (the first one when none is given), the form of every value,
    /// and that the building, agent and channel named exist in that project.
    /// </summary>
    public async Task<FilterAnswer> FilterAsync(ReportKind kind, ReportQuery query, Actor viewer)
    {
        if (!viewer.IsManager)
        {
            return new FilterAnswer(null, null, L.T("reports.managerOnly"));
        }
        var projects = await dbFactory.ListAsync();
        if (projects.Count == 0)
        {
            return new FilterAnswer(null, null, L.T("reports.noProject"));
        }
        var projectId = projects[0].Id;
        if (!string.IsNullOrWhiteSpace(query.Project))
        {
            if (!int.TryParse(query.Project.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out projectId) || projects.All(p => p.Id != projectId))
            {
                return new FilterAnswer(null, null, L.T("reports.filter.project", query.Project.Length > 30 ? query.Project[..30] + "…" : query.Project));
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.ProjectId == projectId).OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.Name }).ToListAsync();
        var context = new ReportContext(
            projects, projectId, project.Name, project.TimeZoneId, project.Today(clock.GetUtcNow().UtcDateTime),
            [.. buildings.Select(b => new ReportChoice(b.Id.ToString(CultureInfo.InvariantCulture), b.Name))],
            await StaffAsync(db, Roles.Agent, Roles.Manager),
            await ChannelsAsync(db, projectId));

        if (ReportFilter.TryParse(kind, query, projectId, context.Today, out var filter) is { } refused)
        {
            return new FilterAnswer(context, null, refused);
        }
        if (filter.BuildingId is { } building && buildings.All(b => b.Id != building))
        {
            return new FilterAnswer(context, null, L.T("reports.filter.building", building));
        }
        if (filter.AgentId is { } agent && context.Agents.All(a => a.Id != agent))
        {
            // Someone who has left keeps their deals and customers: they can still be reported on.
            var name = await db.Deals.Where(d => d.ProjectId == projectId && d.AgentId == agent).Select(d => d.AgentName).FirstOrDefaultAsync()
                ?? await db.Customers.Where(c => c.ProjectId == projectId && c.OwnerId == agent).Select(c => c.OwnerName).FirstOrDefaultAsync();
            if (name is null)
            {
                return new FilterAnswer(context, null, L.T("reports.filter.agent", agent.Length > 30 ? agent[..30] + "…" : agent));
            }
            context = context with { Agents = [.. context.Agents, new ReportChoice(agent, name)] };
        }
        if (filter.Channel is { } channel && !context.Channels.Contains(channel))
        {
            return new FilterAnswer(context, null, L.T("reports.filter.channel", channel));
        }
        return new FilterAnswer(context, filter, null);
    }

    /// <summary>The people with an account in these roles, by name.</summary>
    private static async Task<IReadOnlyList<ReportChoice>> StaffAsync(RealtyDbContext db, params string[] roles)
    {
        var staff = await (
                from user in db.Users
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where roles.Contains(role.Name)
                select new { user.Id, user.DisplayName, user.UserName })
            .Distinct().ToListAsync();
        return [.. staff.Select(s => new ReportChoice(s.Id, s.DisplayName.Length > 0 ? s.DisplayName : s.UserName ?? s.Id)).OrderBy(s => s.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The project's channels, then any its customers came through that it no longer offers.</summary>
    private static async Task<IReadOnlyList<string>> ChannelsAsync(RealtyDbContext db, int projectId)
    {
        var offered = await CustomerService.ChannelsAsync(db, projectId);
        var used = await db.Customers.Where(c => c.ProjectId == projectId).Select(c => c.Channel).Distinct().ToListAsync();
        return [.. offered, .. used.Where(u => !offered.Contains(u)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Refuses anyone but a manager and a filter that does not hold, then builds the report over one context.</summary>
    private async Task<ReportAnswer<T>> RunAsync<T>(ReportFilter filter, Actor viewer, Func<RealtyDbContext, Scope, Task<T>> build)
    {
        if (!viewer.IsManager)
        {
            return new ReportAnswer<T>.Refused(L.T("reports.managerOnly"));
        }
        if (filter.Problem() is { } problem)
        {
            return new ReportAnswer<T>.Refused(problem);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var zone = await db.Projects.Where(p => p.Id == filter.ProjectId).Select(p => p.TimeZoneId).SingleOrDefaultAsync();
        if (zone is null)
        {
            return new ReportAnswer<T>.Refused(L.T("project.notFound"));
        }
        return new ReportAnswer<T>.Ready(await build(db, Scope.Of(filter, TimeZoneInfo.FindSystemTimeZoneById(zone), clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>
    /// The deal steps in the range that the measures count: the one query behind the sales report, its
    /// drill-down, the agents and the sold list. Rehearsal deals never count (their resets are not among
    /// the actions, and a wiped rehearsal's steps are gone with its deals). The building and the agent
    /// are matched through short lists made once per query rather than a join per event, so counting
    /// reads the events' own index and rows only.
    /// </summary>
    private static IQueryable<UnitEvent> Steps(RealtyDbContext db, Scope scope, params UnitAction[] actions)
    {
        var rehearsals = db.Deals.Where(d => d.ProjectId == scope.ProjectId && d.IsRehearsal).Select(d => (int?)d.Id);
        var steps = db.UnitEvents.Where(e => e.ProjectId == scope.ProjectId && e.At >= scope.FromUtc && e.At < scope.ToUtc && actions.Contains(e.Action)
            && e.DealId != null && !rehearsals.Contains(e.DealId));
        if (scope.BuildingId is { } building)
        {
            var units = db.Units.Where(u => u.ProjectId == scope.ProjectId && u.BuildingId == building).Select(u => u.Id);
            steps = steps.Where(e => units.Contains(e.UnitId));
        }
        if (scope.AgentId is { } agent)
        {
            var deals = db.Deals.Where(d => d.ProjectId == scope.ProjectId && d.AgentId == agent).Select(d => (int?)d.Id);
            steps = steps.Where(e => deals.Contains(e.DealId));
        }
        return steps;
    }

    /// <summary>Steps with their deal and unit, for what is summed or listed rather than counted.</summary>
    private static IQueryable<Step> Valued(RealtyDbContext db, IQueryable<UnitEvent> steps) =>
        from e in steps
        join d in db.Deals on e.DealId equals (int?)d.Id
        join u in db.Units on e.UnitId equals u.Id
        select new Step { Event = e, Deal = d, Unit = u, Area = u.GrossArea, Amount = d.FinalPrice ?? d.Price };

    /// <summary>Walk-ins and calls in the range, of customers of the project, by whoever received them.</summary>
    private static IQueryable<Contact> Contacts(RealtyDbContext db, Scope scope, params InteractionKind[] kinds)
    {
        var contacts =
            from i in db.CustomerInteractions
            where i.At >= scope.FromUtc && i.At < scope.ToUtc && kinds.Contains(i.Kind)
            join c in db.Customers on i.CustomerId equals c.Id
            where c.ProjectId == scope.ProjectId
            select new Contact { Interaction = i, Customer = c };
        if (scope.AgentId is { } agent)
        {
            contacts = contacts.Where(c => c.Interaction.ById == agent);
        }
        return contacts;
    }

    /// <summary>A deal step as the measures see it: m² are the unit's gross area, the amount the deal's final price, else its list price.</summary>
    private sealed class Step
    {
        public required UnitEvent Event { get; init; }

        public required Deal Deal { get; init; }

        public required Unit Unit { get; init; }

        public decimal Area { get; init; }

        public decimal Amount { get; init; }
    }

    private sealed class Contact
    {
        public required CustomerInteraction Interaction { get; init; }

        public required Customer Customer { get; init; }
    }

    /// <summary>A report's filters as the queries use them: the range as UTC instants, converted once.</summary>
    private sealed record Scope(int ProjectId, TimeZoneInfo TimeZone, DateTime FromUtc, DateTime ToUtc, int? BuildingId, string? AgentId, DateTime NowUtc, DateOnly Today)
    {
        /// <summary>Walk-ins and calls are the project's: under a building filter there are none to show.</summary>
        public bool CountsContacts => BuildingId is null;

        public static Scope Of(ReportFilter filter, TimeZoneInfo zone, DateTime nowUtc) => new(
            filter.ProjectId, zone, StartUtc(filter.From, zone), StartUtc(filter.To.AddDays(1), zone), filter.BuildingId, filter.AgentId,
            nowUtc, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone)));

        public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone);

        /// <summary>
        /// The range cut where the zone's UTC offset changes (daylight saving), each part with its offset in
        /// minutes: within a part, a UTC instant plus the offset falls on its local calendar day, which SQL
        /// can group by. Zones without daylight saving, like China's, give one part.
        /// </summary>
        public IEnumerable<(DateTime From, DateTime To, double Offset)> Parts()
        {
            var start = FromUtc;
            var offset = TimeZone.GetUtcOffset(start);
            for (var probe = start; probe < ToUtc;)
            {
                var next = probe.AddHours(1) < ToUtc ? probe.AddHours(1) : ToUtc;
                if (TimeZone.GetUtcOffset(next) != offset && next < ToUtc)
                {
                    // The change lies in (probe, next]: find its minute.
                    var (low, high) = (probe, next);
                    while ((high - low).TotalMinutes > 1)
                    {
                        var middle = low.AddMinutes(Math.Floor((high - low).TotalMinutes / 2));
                        (low, high) = TimeZone.GetUtcOffset(middle) == offset ? (middle, high) : (low, middle);
                    }
                    yield return (start, high, offset.TotalMinutes);
                    (start, offset) = (high, TimeZone.GetUtcOffset(high));
                }
                probe = next;
            }
            yield return (start, ToUtc, offset.TotalMinutes);
        }

        /// <summary>Local midnight of a day as a UTC instant; where a clock jumps over midnight, the first moment the day has.</summary>
        private static DateTime StartUtc(DateOnly day, TimeZoneInfo zone)
        {
            var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(15);
            }
            return TimeZoneInfo.ConvertTimeToUtc(local, zone);
        }
    }
}
