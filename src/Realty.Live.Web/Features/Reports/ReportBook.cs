using System.Diagnostics;
using System.Globalization;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;
using static Realty.Live.Web.Features.Reports.CellKind;

namespace Realty.Live.Web.Features.Reports;

/// <summary>
/// Turns the reports into the tables the pages show and the sheets hold, in the reader's language, with
/// every number linked to the rows behind it. Page and export both come through here, so they agree.
/// </summary>
public static class ReportBook
{
    /// <summary>The order a sales office reads the statuses in: what is for sale first, then how far it went.</summary>
    public static readonly UnitStatus[] StatusOrder =
        [UnitStatus.Available, UnitStatus.Held, UnitStatus.Deposited, UnitStatus.Subscribed, UnitStatus.Signed, UnitStatus.Withheld, UnitStatus.Unreleased];

    /// <summary>Checks the query, makes the report and lays it out; <paramref name="limit"/> caps the listed rows.</summary>
    public static async Task<ReportPageAnswer> ViewAsync(this ReportService reports, ReportKind kind, ReportQuery query, Actor viewer, int limit = ReportService.ScreenRows)
    {
        var answer = await reports.FilterAsync(kind, query, viewer);
        if (answer is not { Context: { } context, Filter: { } filter })
        {
            return new ReportPageAnswer(answer.Context, null, answer.Error);
        }
        return kind switch
        {
            ReportKind.Sales => Laid(context, await reports.SalesAsync(filter, viewer), r => Sales(r, context)),
            ReportKind.Steps => Laid(context, await reports.StepsAsync(filter, viewer, limit), r => Steps(r, context)),
            ReportKind.Agents => Laid(context, await reports.AgentsAsync(filter, viewer), r => Agents(r, context)),
            ReportKind.Units => Laid(context, await reports.UnitsAsync(filter, viewer, limit), r => Units(r, context)),
            ReportKind.Sold => Laid(context, await reports.SoldAsync(filter, viewer, limit), r => Sold(r, context)),
            ReportKind.Awaiting => Laid(context, await reports.AwaitingAsync(filter, viewer, limit), r => Awaiting(r, context)),
            _ => Laid(context, await reports.CustomersAsync(filter, viewer, limit), r => Customers(r, context)),
        };
    }

    public static string Title(ReportKind kind) => L.T($"reports.{kind.ToWire()}.title");

    public static string MeasureName(Measure measure) => L.T("reports.measure." + measure.ToWire());

    public static string StageName(FunnelStage stage) => L.T("stage." + stage.ToWire());

    /// <summary>A period as the sales report names it: a day with its weekday, an ISO week, a month.</summary>
    public static string PeriodLabel(ReportPeriod period, DateOnly from, DateOnly to) => period switch
    {
        ReportPeriod.Week => L.T("reports.period.weekLabel", ISOWeek.GetYear(from.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(from.ToDateTime(TimeOnly.MinValue)),
            from.ToString("MM-dd", CultureInfo.InvariantCulture), to.ToString("MM-dd", CultureInfo.InvariantCulture)),
        ReportPeriod.Month => L.T("reports.period.monthLabel", from.Year, from.Month),
        _ => from.ToString("yyyy-MM-dd ddd", CultureInfo.CurrentCulture),
    };

    private static ReportPageAnswer Laid<T>(ReportContext context, ReportAnswer<T> answer, Func<T, ReportView> lay) => answer switch
    {
        ReportAnswer<T>.Ready ready => new ReportPageAnswer(context, lay(ready.Report), null),
        ReportAnswer<T>.Refused refused => new ReportPageAnswer(context, null, refused.Message),
        _ => throw new UnreachableException(),
    };

    private static ReportView View(ReportKind kind, ReportContext context, ReportFilter filter, params ReportTable[] tables) =>
        new(kind, Title(kind), context, filter, Filters(kind, context, filter), tables);

    /// <summary>The filters the report takes, in words, "all" for those not set.</summary>
    public static IReadOnlyList<FilterLine> Filters(ReportKind kind, ReportContext context, ReportFilter filter)
    {
        var all = L.T("reports.all");
        var lines = new List<FilterLine> { new(L.T("reports.f.project"), context.ProjectName) };
        if (ReportFilter.Takes(kind, "from"))
        {
            lines.Add(new(L.T("reports.f.range"), $"{filter.From.ToString(ReportFilter.DateFormat, CultureInfo.InvariantCulture)} – {filter.To.ToString(ReportFilter.DateFormat, CultureInfo.InvariantCulture)}"));
        }
        if (ReportFilter.Takes(kind, "period"))
        {
            lines.Add(new(L.T("reports.f.period"), L.T("reports.period." + filter.Period.ToWire())));
        }
        if (ReportFilter.Takes(kind, "building"))
        {
            lines.Add(new(L.T("reports.f.building"), context.BuildingName(filter.BuildingId) ?? all));
        }
        if (ReportFilter.Takes(kind, "agent"))
        {
            lines.Add(new(L.T("reports.f.agent"), context.AgentName(filter.AgentId) ?? all));
        }
        if (ReportFilter.Takes(kind, "action"))
        {
            lines.Add(new(L.T("reports.f.action"), filter.Action is { } action ? MeasureName(action) : L.T("reports.allSteps")));
        }
        if (ReportFilter.Takes(kind, "status"))
        {
            lines.Add(new(L.T("reports.f.status"), filter.Status is { } status ? L.Status(status) : all));
        }
        if (ReportFilter.Takes(kind, "stage"))
        {
            lines.Add(new(L.T("reports.f.stage"), filter.Stage is { } stage ? StageName(stage) : all));
        }
        if (ReportFilter.Takes(kind, "overdue"))
        {
            lines.Add(new(L.T("reports.f.overdue"), filter.Overdue switch { true => L.T("reports.overdue.yes"), false => L.T("reports.overdue.no"), _ => all }));
        }
        if (ReportFilter.Takes(kind, "channel"))
        {
            lines.Add(new(L.T("reports.f.channel"), filter.Channel ?? all));
        }
        return lines;
    }

    private static ReportColumn Column(string key, CellKind kind) => new(key, L.T("reports.col." + key), kind);

    private static string? Capped(int shown, int total) => shown < total ? L.T("reports.note.capped", shown, total, ReportService.ExportRows) : null;

    private static ReportView Sales(SalesReport report, ReportContext context)
    {
        var filter = report.Filter;
        ReportColumn[] columns =
        [
            Column("period", Text), Column("walkIns", Count), Column("calls", Count), Column("holds", Count), Column("deposits", Count),
            Column("subscriptions", Count), Column("subscriptionAmount", Yuan), Column("contracts", Count), Column("contractArea", Area),
            Column("contractAmount", Yuan), Column("cancellations", Count), Column("unitChanges", Count), Column("netUnits", Count),
            Column("netArea", Area), Column("netAmount", Yuan),
        ];
        ReportCell[] Cells(string label, DateOnly from, DateOnly to, SalesFigures x)
        {
            string Steps(Measure measure) => (filter with { From = from, To = to, Action = measure }).Url(ReportKind.Steps);
            return
            [
                new(label), new(x.WalkIns, x.WalkIns is null ? null : Steps(Measure.WalkIn)), new(x.Calls, x.Calls is null ? null : Steps(Measure.Call)),
                new(x.Holds, Steps(Measure.Hold)), new(x.Deposits, Steps(Measure.Deposit)), new(x.Subscriptions, Steps(Measure.Subscribe)),
                new(x.SubscriptionAmount, Steps(Measure.Subscribe)), new(x.Contracts, Steps(Measure.Sign)), new(x.ContractArea, Steps(Measure.Sign)),
                new(x.ContractAmount, Steps(Measure.Sign)), new(x.Cancellations, Steps(Measure.Cancel)), new(x.UnitChanges, Steps(Measure.MoveIn)),
                new(x.NetUnits), new(x.NetArea), new(x.NetAmount),
            ];
        }
        var rows = report.Rows.Select(p => new ReportRow(p.From.ToString(ReportFilter.DateFormat, CultureInfo.InvariantCulture), Cells(PeriodLabel(filter.Period, p.From, p.To), p.From, p.To, p.Figures))).ToList();
        var note = report.Totals.WalkIns is null ? L.T("reports.note.contactsNotByBuilding") : null;
        return View(ReportKind.Sales, context, filter,
            new ReportTable("sales", Title(ReportKind.Sales), columns, rows, new ReportRow("total", Cells(L.T("reports.total"), filter.From, filter.To, report.Totals)), note));
    }

    private static ReportView Steps(StepsReport report, ReportContext context)
    {
        var filter = report.Filter;
        var contacts = filter.Action is Measure.WalkIn or Measure.Call;
        var shown = L.T("reports.totalRows", report.Total);
        ReportTable table;
        if (contacts)
        {
            ReportColumn[] columns = [Column("time", Time), Column("action", Text), Column("agent", Text), Column("customer", Text)];
            var rows = report.Rows.Select(r => new ReportRow(r.Id.ToString(CultureInfo.InvariantCulture), [new(r.LocalAt), new(MeasureName(r.Action)), new(r.Agent), new(r.Customer)])).ToList();
            table = new ReportTable("steps", Title(ReportKind.Steps), columns, rows, new ReportRow("total", [new(shown), new(null), new(null), new(null)]),
                filter.BuildingId is null ? Capped(report.Rows.Count, report.Total) : L.T("reports.note.contactsNotByBuilding"));
        }
        else
        {
            ReportColumn[] columns =
            [
                Column("time", Time), Column("unit", Text), Column("building", Text), Column("action", Text), Column("change", Text), Column("agent", Text),
                Column("customer", Text), Column("area", Area), Column("amount", Yuan),
            ];
            var rows = report.Rows.Select(r => new ReportRow(r.Id.ToString(CultureInfo.InvariantCulture),
            [
                new(r.LocalAt), new(r.UnitCode), new(r.Building), new(MeasureName(r.Action)), new($"{L.Status(r.From!.Value)} → {L.Status(r.To!.Value)}"),
                new(r.Agent), new(r.Customer), new(r.Area), new(r.Amount),
            ])).ToList();
            table = new ReportTable("steps", Title(ReportKind.Steps), columns, rows,
                new ReportRow("total", [new(shown), new(null), new(null), new(null), new(null), new(null), new(null), new(report.Area), new(report.Amount)]),
                Capped(report.Rows.Count, report.Total));
        }
        return View(ReportKind.Steps, context, filter, table);
    }

    private static ReportView Agents(AgentsReport report, ReportContext context)
    {
        var filter = report.Filter;
        ReportColumn[] columns =
        [
            Column("agent", Text), Column("walkIns", Count), Column("calls", Count), Column("holds", Count), Column("deposits", Count),
            Column("subscriptions", Count), Column("contracts", Count), Column("contractAmount", Yuan), Column("cancellations", Count), Column("conversion", Percent),
        ];
        ReportCell[] Cells(AgentRow a, string label)
        {
            string Steps(Measure measure) => (filter with { AgentId = a.AgentId, Action = measure }).Url(ReportKind.Steps);
            return
            [
                new(label, a.AgentId is null ? null : (filter with { AgentId = a.AgentId }).Url(ReportKind.Customers)),
                new(a.WalkIns, a.WalkIns is null ? null : Steps(Measure.WalkIn)), new(a.Calls, a.Calls is null ? null : Steps(Measure.Call)),
                new(a.Holds, Steps(Measure.Hold)), new(a.Deposits, Steps(Measure.Deposit)), new(a.Subscriptions, Steps(Measure.Subscribe)),
                new(a.Contracts, Steps(Measure.Sign)), new(a.ContractAmount, Steps(Measure.Sign)), new(a.Cancellations, Steps(Measure.Cancel)), new(a.Conversion),
            ];
        }
        var rows = report.Rows.Select(a => new ReportRow(a.AgentId ?? "", Cells(a, a.Name))).ToList();
        var note = report.Totals.WalkIns is null ? L.T("reports.note.contactsNotByBuilding") : L.T("reports.note.conversion");
        return View(ReportKind.Agents, context, filter,
            new ReportTable("agents", Title(ReportKind.Agents), columns, rows, new ReportRow("total", Cells(report.Totals, L.T("reports.total"))), note));
    }

    private static ReportView Units(UnitsReport report, ReportContext context)
    {
        var filter = report.Filter;
        ReportColumn[] matrixColumns =
        [
            Column("building", Text), .. StatusOrder.Select(s => new ReportColumn("status-" + s.ToWire(), L.Status(s), Count)),
            Column("units", Count), Column("area", Area), Column("listValue", Yuan),
        ];
        ReportCell[] Cells(BuildingStatusRow b, string label, int? building)
        {
            string Units(UnitStatus? status) => (filter with { BuildingId = building, Status = status }).Url(ReportKind.Units);
            return [new(label), .. StatusOrder.Select(s => new ReportCell(b.Counts[s], Units(s))), new(b.Units, Units(null)), new(b.Area), new(b.ListValue)];
        }
        var matrix = new ReportTable("status", L.T("reports.units.matrix"), matrixColumns,
            [.. report.Buildings.Select(b => new ReportRow(b.BuildingId!.Value.ToString(CultureInfo.InvariantCulture), Cells(b, b.Building, b.BuildingId)))],
            new ReportRow("total", Cells(report.Totals, L.T("reports.total"), filter.BuildingId)),
            report.RehearsalUnits > 0 ? L.T("reports.note.rehearsalUnits", report.RehearsalUnits) : null);

        ReportColumn[] unitColumns =
        [
            Column("unit", Text), Column("building", Text), Column("floor", Count), Column("stack", Text), Column("layout", Text), Column("area", Area),
            Column("unitPrice", Yuan), Column("listPrice", Yuan), Column("status", Text), Column("customer", Text), Column("agent", Text),
        ];
        var units = new ReportTable("units", L.T("reports.units.rows"), unitColumns,
            [.. report.Units.Select(u => new ReportRow(u.Id.ToString(CultureInfo.InvariantCulture),
            [
                new(u.Code), new(u.Building), new(u.Floor), new(u.Stack), new(u.Layout), new(u.GrossArea), new(u.UnitPrice), new(u.ListPrice),
                new(L.Status(u.Status)), new(u.Customer), new(u.Agent),
            ]))],
            null, Capped(report.Units.Count, report.UnitCount));
        return View(ReportKind.Units, context, filter, matrix, units);
    }

    private static ReportView Sold(SoldReport report, ReportContext context)
    {
        ReportColumn[] columns =
        [
            Column("unit", Text), Column("building", Text), Column("layout", Text), Column("area", Area), Column("buyer", Text), Column("agent", Text),
            Column("contractNo", Text), Column("contractDate", Date), Column("signedAt", Time), Column("price", Yuan), Column("finalPrice", Yuan),
            Column("discount", Yuan), Column("remark", Text),
        ];
        var rows = report.Rows.Select(s => new ReportRow(s.EventId.ToString(CultureInfo.InvariantCulture),
        [
            new(s.UnitCode), new(s.Building), new(s.Layout), new(s.Area), new(s.Buyer), new(s.Agent), new(s.ContractNo), new(s.ContractDate), new(s.SignedAt),
            new(s.Price), new(s.FinalPrice), new(s.Discount),
            new(s.Cancelled ? L.T("reports.sold.cancelled") : s.MovedTo is { } code ? L.T("reports.sold.movedTo", code) : null),
        ])).ToList();
        var totals = new ReportRow("total",
        [
            new(L.T("reports.totalUnits", report.Total), (report.Filter with { Action = Measure.Sign }).Url(ReportKind.Steps)), new(null), new(null), new(report.Area), new(null), new(null),
            new(null), new(null), new(null), new(report.Price), new(report.FinalPrice), new(report.Discount), new(null),
        ]);
        return View(ReportKind.Sold, context, report.Filter,
            new ReportTable("sold", Title(ReportKind.Sold), columns, rows, totals, Capped(report.Rows.Count, report.Total)));
    }

    private static ReportView Awaiting(AwaitingReport report, ReportContext context)
    {
        var filter = report.Filter;
        var unfiltered = filter with { Stage = null, Overdue = null };
        ReportColumn[] summaryColumns = [Column("deposited", Count), Column("subscribed", Count), Column("overdue", Count), Column("deals", Count), Column("amount", Yuan)];
        var summary = new ReportTable("summary", L.T("reports.awaiting.summary"), summaryColumns,
        [
            new ReportRow("summary",
            [
                new(report.Deposited, (unfiltered with { Stage = FunnelStage.Deposited }).Url(ReportKind.Awaiting)),
                new(report.Subscribed, (unfiltered with { Stage = FunnelStage.Subscribed }).Url(ReportKind.Awaiting)),
                new(report.Overdue, (filter with { Overdue = true }).Url(ReportKind.Awaiting)),
                new(report.Total, filter.Url(ReportKind.Awaiting)),
                new(report.Amount),
            ]),
        ]);
        ReportColumn[] columns =
        [
            Column("unit", Text), Column("building", Text), Column("stage", Text), Column("customer", Text), Column("phone", Text), Column("agent", Text),
            Column("since", Date), Column("paid", Yuan), Column("due", Text), Column("daysOverdue", Count), Column("amount", Yuan),
        ];
        var rows = report.Rows.Select(r => new ReportRow(r.DealId.ToString(CultureInfo.InvariantCulture),
        [
            new(r.UnitCode), new(r.Building), new(StageName(r.Stage)), new(r.Customer), new(r.Phone), new(r.Agent), new(r.Since), new(r.Paid),
            new(r.DueAt is { } at ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : r.Due.ToString(ReportFilter.DateFormat, CultureInfo.InvariantCulture)),
            new(r.Overdue ? r.DaysOverdue : null), new(r.Amount),
        ], r.Overdue)).ToList();
        var totals = new ReportRow("total",
            [new(L.T("reports.totalDeals", report.Total)), new(null), new(null), new(null), new(null), new(null), new(null), new(null), new(null), new(null), new(report.Amount)]);
        return View(ReportKind.Awaiting, context, filter, summary,
            new ReportTable("awaiting", Title(ReportKind.Awaiting), columns, rows, totals, Capped(report.Rows.Count, report.Total)));
    }

    private static ReportView Customers(CustomersReport report, ReportContext context)
    {
        var filter = report.Filter;
        ReportColumn[] matrixColumns =
        [
            Column("stage", Text), .. report.Channels.Select((c, i) => new ReportColumn("channel-" + i.ToString(CultureInfo.InvariantCulture), c, Count)), Column("customersTotal", Count),
        ];
        ReportCell[] Cells(StageRow row, string label) =>
        [
            new(label),
            .. report.Channels.Select(c => new ReportCell(row.ByChannel[c], (filter with { Stage = row.Stage, Channel = c }).Url(ReportKind.Customers))),
            new(row.Total, (filter with { Stage = row.Stage, Channel = null }).Url(ReportKind.Customers)),
        ];
        var matrix = new ReportTable("stages", L.T("reports.customers.matrix"), matrixColumns,
            [.. report.Stages.Select(s => new ReportRow(s.Stage!.Value.ToWire(), Cells(s, StageName(s.Stage.Value))))],
            new ReportRow("total", Cells(report.Totals, L.T("reports.total"))));
        ReportColumn[] columns =
        [
            Column("customer", Text), Column("phone", Text), Column("channel", Text), Column("stage", Text), Column("owner", Text), Column("firstContact", Text), Column("registeredAt", Time),
        ];
        var rows = new ReportTable("customers", L.T("reports.customers.rows"), columns,
            [.. report.Rows.Select(c => new ReportRow(c.Id.ToString(CultureInfo.InvariantCulture),
            [
                new(c.Name), new(c.Phone), new(c.Channel), new(StageName(c.Stage)), new(c.Owner),
                new(L.T("customers.firstContact." + c.FirstContact.ToString().ToLowerInvariant())), new(c.RegisteredAt),
            ]))],
            null, Capped(report.Rows.Count, report.Total));
        return View(ReportKind.Customers, context, filter, matrix, rows);
    }
}
