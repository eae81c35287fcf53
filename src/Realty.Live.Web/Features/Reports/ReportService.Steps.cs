using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Reports;

public sealed partial class ReportService
{
    /// <summary>
    /// The rows behind a count, oldest first: the deal steps of an action (all six when none is given),
    /// or the walk-ins or calls. The first <paramref name="limit"/> rows come back; the count, and for one
    /// deal step its m² and amount, are over all of them.
    /// </summary>
    public Task<ReportAnswer<StepsReport>> StepsAsync(ReportFilter filter, Actor viewer, int limit = ScreenRows) => RunAsync(filter, viewer, async (db, scope) =>
    {
        if (filter.Action is Measure.WalkIn or Measure.Call)
        {
            if (!scope.CountsContacts)
            {
                return new StepsReport(filter, [], 0, null, null);
            }
            var contacts = Contacts(db, scope, filter.Action == Measure.WalkIn ? InteractionKind.WalkIn : InteractionKind.Call);
            var count = await contacts.CountAsync();
            var visits = await contacts.OrderBy(c => c.Interaction.At).ThenBy(c => c.Interaction.Id).Take(limit)
                .Select(c => new { c.Interaction.Id, c.Interaction.At, c.Interaction.ByName, c.Customer.Name })
                .ToListAsync();
            return new StepsReport(
                filter,
                [.. visits.Select(v => new StepRow(v.Id, v.At, scope.Local(v.At), filter.Action.Value, null, null, null, null, v.ByName, v.Name, null, null))],
                count, null, null);
        }

        UnitAction[] actions = filter.Action?.Action() is { } action ? [action] : StepActions;
        var total = await Steps(db, scope, actions).CountAsync();
        var steps = Valued(db, Steps(db, scope, actions));
        // m² and money add up within one step (the contracts, the subscriptions); across holds and contracts
        // together they mean nothing, and summing every event of a long range is the costly part.
        var sums = filter.Action is null
            ? null
            : await steps.GroupBy(_ => 1).Select(g => new { Area = (decimal?)g.Sum(s => s.Area), Amount = (decimal?)g.Sum(s => s.Amount) }).SingleOrDefaultAsync();
        var rows = await steps.OrderBy(s => s.Event.At).ThenBy(s => s.Event.Id).Take(limit)
            .Select(s => new
            {
                s.Event.Id, s.Event.At, s.Event.Action, s.Event.From, s.Event.To, s.Event.UnitCode, Building = s.Unit.Building!.Name,
                s.Deal.AgentName, s.Deal.CustomerName, s.Area, s.Amount,
            })
            .ToListAsync();
        return new StepsReport(
            filter,
            [.. rows.Select(r => new StepRow(r.Id, r.At, scope.Local(r.At), r.Action.ToMeasure(), r.UnitCode, r.Building, r.From, r.To, r.AgentName, r.CustomerName, r.Area, r.Amount))],
            total, filter.Action is null ? null : sums?.Area ?? 0, filter.Action is null ? null : sums?.Amount ?? 0);
    });

    /// <summary>
    /// Each agent's numbers for the range: the walk-ins and calls they received, the steps of their deals.
    /// Every agent and manager with an account is listed, with zeros if need be, and anyone else who has
    /// numbers (someone who left); the best seller first.
    /// </summary>
    public Task<ReportAnswer<AgentsReport>> AgentsAsync(ReportFilter filter, Actor viewer) => RunAsync(filter, viewer, async (db, scope) =>
    {
        var steps = await (
                from e in Steps(db, scope, StepActions)
                join d in db.Deals on e.DealId equals (int?)d.Id
                group d.AgentName by new { d.AgentId, e.Action } into g
                select new { g.Key.AgentId, g.Key.Action, Name = g.Max() ?? "", Count = g.Count() })
            .ToListAsync();
        var amounts = await Valued(db, Steps(db, scope, UnitAction.Sign))
            .GroupBy(s => s.Deal.AgentId)
            .Select(g => new { AgentId = g.Key, Amount = g.Sum(s => s.Amount) })
            .ToDictionaryAsync(a => a.AgentId, a => a.Amount);
        var contacts = scope.CountsContacts
            ? await Contacts(db, scope, ContactKinds)
                .GroupBy(c => new { c.Interaction.ById, c.Interaction.Kind })
                .Select(g => new { g.Key.ById, g.Key.Kind, Name = g.Max(c => c.Interaction.ByName) ?? "", Count = g.Count() })
                .ToListAsync()
            : [];
        var staff = await StaffAsync(db, Data.Roles.Agent);

        var names = new Dictionary<string, string>();
        foreach (var (id, name) in steps.Select(s => (s.AgentId, s.Name)).Concat(contacts.Select(c => (c.ById, c.Name))).Concat(staff.Select(s => (s.Id, s.Name))))
        {
            names[id] = name;
        }
        int StepsOf(string agent, UnitAction action) => steps.Where(s => s.AgentId == agent && s.Action == action).Sum(s => s.Count);
        int? ContactsOf(string agent, InteractionKind kind) => scope.CountsContacts ? contacts.Where(c => c.ById == agent && c.Kind == kind).Sum(c => c.Count) : null;
        var rows = names
            .Select(n => Row(n.Key, n.Value, ContactsOf(n.Key, InteractionKind.WalkIn), ContactsOf(n.Key, InteractionKind.Call), StepsOf(n.Key, UnitAction.Hold), StepsOf(n.Key, UnitAction.Deposit),
                StepsOf(n.Key, UnitAction.Subscribe), StepsOf(n.Key, UnitAction.Sign), amounts.GetValueOrDefault(n.Key), StepsOf(n.Key, UnitAction.Cancel)))
            .OrderByDescending(r => r.ContractAmount).ThenByDescending(r => r.Contracts).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        var totals = Row(null, "", rows.Sum(r => r.WalkIns), rows.Sum(r => r.Calls), rows.Sum(r => r.Holds), rows.Sum(r => r.Deposits), rows.Sum(r => r.Subscriptions),
            rows.Sum(r => r.Contracts), rows.Sum(r => r.ContractAmount), rows.Sum(r => r.Cancellations));
        return new AgentsReport(filter, rows, scope.CountsContacts ? totals : totals with { WalkIns = null, Calls = null });
    });

    private static AgentRow Row(string? id, string name, int? walkIns, int? calls, int holds, int deposits, int subscriptions, int contracts, decimal amount, int cancellations) =>
        new(id, name, walkIns, calls, holds, deposits, subscriptions, contracts, amount, cancellations,
            walkIns > 0 ? Math.Round((decimal)contracts / walkIns.Value, 4) : null);
}
