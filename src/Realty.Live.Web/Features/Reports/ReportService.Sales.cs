using Microsoft.EntityFrameworkCore;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Reports;

public sealed partial class ReportService
{
    /// <summary>
    /// The daily, weekly (ISO, Monday first) or monthly sales report: every period of the range, with
    /// zeros for quiet ones, and the totals. The database groups by local day and action; periods are
    /// made of days here, from a few hundred grouped rows at most.
    /// </summary>
    public Task<ReportAnswer<SalesReport>> SalesAsync(ReportFilter filter, Actor viewer) => RunAsync(filter, viewer, async (db, scope) =>
    {
        var days = new Dictionary<DateOnly, Tally>();
        Tally Day(DateTime day) => days.TryGetValue(DateOnly.FromDateTime(day), out var tally) ? tally : days[DateOnly.FromDateTime(day)] = new Tally();

        foreach (var (from, to, offset) in scope.Parts())
        {
            var part = scope with { FromUtc = from, ToUtc = to };
            var counts = await Steps(db, part, StepActions)
                .GroupBy(e => new { Day = e.At.AddMinutes(offset).Date, e.Action, Signed = e.From == UnitStatus.Signed })
                .Select(g => new { g.Key.Day, g.Key.Action, g.Key.Signed, Count = g.Count() })
                .ToListAsync();
            foreach (var step in counts)
            {
                Day(step.Day).AddSteps(step.Action, step.Signed, step.Count);
            }
            var sums = await Valued(db, Steps(db, part, UnitAction.Subscribe, UnitAction.Sign, UnitAction.Cancel))
                .GroupBy(s => new { Day = s.Event.At.AddMinutes(offset).Date, s.Event.Action, Signed = s.Event.From == UnitStatus.Signed })
                .Select(g => new { g.Key.Day, g.Key.Action, g.Key.Signed, Area = g.Sum(s => s.Area), Amount = g.Sum(s => s.Amount) })
                .ToListAsync();
            foreach (var sum in sums)
            {
                Day(sum.Day).AddSums(sum.Action, sum.Signed, sum.Area, sum.Amount);
            }

            // A signed deal moved to another unit stays one contract; its m² and amount move by the difference.
            var changes = await (
                    from s in Valued(db, Steps(db, part, UnitAction.MoveIn))
                    where s.Event.To == UnitStatus.Signed
                    join c in db.ChangeRequests on s.Deal.Id equals c.DealId
                    where c.Kind == ChangeKind.ChangeUnit && c.Status == RequestStatus.Approved && c.TargetUnitId == s.Unit.Id && c.DecidedAt == s.Event.At
                    join old in db.Units on c.UnitId equals old.Id
                    group new { s.Area, OldArea = old.GrossArea, Effect = c.MoneyEffect ?? 0 } by s.Event.At.AddMinutes(offset).Date into g
                    select new { Day = g.Key, Area = g.Sum(x => x.Area - x.OldArea), Amount = g.Sum(x => x.Effect) })
                .ToListAsync();
            foreach (var change in changes)
            {
                Day(change.Day).AddChange(change.Area, change.Amount);
            }

            if (scope.CountsContacts)
            {
                var contacts = await Contacts(db, part, ContactKinds)
                    .GroupBy(c => new { Day = c.Interaction.At.AddMinutes(offset).Date, c.Interaction.Kind })
                    .Select(g => new { g.Key.Day, g.Key.Kind, Count = g.Count() })
                    .ToListAsync();
                foreach (var contact in contacts)
                {
                    Day(contact.Day).AddContacts(contact.Kind, contact.Count);
                }
            }
        }

        var rows = new List<SalesRow>();
        var total = new Tally();
        foreach (var (from, to) in Periods(filter))
        {
            var period = new Tally();
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (days.TryGetValue(day, out var tally))
                {
                    period.Add(tally);
                }
            }
            total.Add(period);
            rows.Add(new SalesRow(from, to, period.Figures(scope.CountsContacts)));
        }
        return new SalesReport(filter, rows, total.Figures(scope.CountsContacts));
    });

    /// <summary>The periods of the range, the first and last cut to it: days, ISO weeks (Monday to Sunday) or months.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Periods(ReportFilter filter)
    {
        for (var start = filter.From; start <= filter.To;)
        {
            var end = filter.Period switch
            {
                ReportPeriod.Week => start.AddDays(6 - (((int)start.DayOfWeek + 6) % 7)),
                ReportPeriod.Month => new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1),
                _ => start,
            };
            end = end < filter.To ? end : filter.To;
            yield return (start, end);
            start = end.AddDays(1);
        }
    }

    /// <summary>The measures of a day, added up into periods and totals.</summary>
    private sealed class Tally
    {
        private int _walkIns;
        private int _calls;
        private int _holds;
        private int _deposits;
        private int _subscriptions;
        private decimal _subscriptionAmount;
        private int _contracts;
        private decimal _contractArea;
        private decimal _contractAmount;
        private int _cancellations;
        private int _unitChanges;
        private int _cancelledSigned;
        private decimal _cancelledSignedArea;
        private decimal _cancelledSignedAmount;
        private decimal _changeArea;
        private decimal _changeAmount;

        public void AddSteps(UnitAction action, bool fromSigned, int count)
        {
            switch (action)
            {
                case UnitAction.Hold:
                    _holds += count;
                    break;
                case UnitAction.Deposit:
                    _deposits += count;
                    break;
                case UnitAction.Subscribe:
                    _subscriptions += count;
                    break;
                case UnitAction.Sign:
                    _contracts += count;
                    break;
                case UnitAction.Cancel:
                    _cancellations += count;
                    _cancelledSigned += fromSigned ? count : 0;
                    break;
                case UnitAction.MoveIn:
                    _unitChanges += count;
                    break;
            }
        }

        public void AddSums(UnitAction action, bool fromSigned, decimal area, decimal amount)
        {
            switch (action)
            {
                case UnitAction.Subscribe:
                    _subscriptionAmount += amount;
                    break;
                case UnitAction.Sign:
                    _contractArea += area;
                    _contractAmount += amount;
                    break;
                case UnitAction.Cancel when fromSigned:
                    _cancelledSignedArea += area;
                    _cancelledSignedAmount += amount;
                    break;
            }
        }

        public void AddChange(decimal area, decimal amount)
        {
            _changeArea += area;
            _changeAmount += amount;
        }

        public void AddContacts(InteractionKind kind, int count)
        {
            if (kind == InteractionKind.WalkIn)
            {
                _walkIns += count;
            }
            else
            {
                _calls += count;
            }
        }

        public void Add(Tally other)
        {
            _walkIns += other._walkIns;
            _calls += other._calls;
            _holds += other._holds;
            _deposits += other._deposits;
            _subscriptions += other._subscriptions;
            _subscriptionAmount += other._subscriptionAmount;
            _contracts += other._contracts;
            _contractArea += other._contractArea;
            _contractAmount += other._contractAmount;
            _cancellations += other._cancellations;
            _unitChanges += other._unitChanges;
            _cancelledSigned += other._cancelledSigned;
            _cancelledSignedArea += other._cancelledSignedArea;
            _cancelledSignedAmount += other._cancelledSignedAmount;
            _changeArea += other._changeArea;
            _changeAmount += other._changeAmount;
        }

        /// <summary>Net signed: contracts less cancelled contracts, give or take the changes of unit of signed deals.</summary>
        public SalesFigures Figures(bool countsContacts) => new(
            countsContacts ? _walkIns : null,
            countsContacts ? _calls : null,
            _holds,
            _deposits,
            _subscriptions,
            _subscriptionAmount,
            _contracts,
            _contractArea,
            _contractAmount,
            _cancellations,
            _unitChanges,
            _contracts - _cancelledSigned,
            _contractArea - _cancelledSignedArea + _changeArea,
            _contractAmount - _cancelledSignedAmount + _changeAmount);
    }
}
