using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Reports;

/// <summary>The reports, each at its own route under /reports.</summary>
public enum ReportKind
{
    Sales,
    Steps,
    Agents,
    Units,
    Sold,
    Awaiting,
    Customers,
}

/// <summary>How the sales report buckets its days: ISO weeks start on Monday.</summary>
public enum ReportPeriod
{
    Day,
    Week,
    Month,
}

/// <summary>
/// What a report counts: the interactions (walk-ins, calls) and the deal steps (unit events). Their
/// wire names are the <c>action</c> values of /reports/steps.
/// </summary>
public enum Measure
{
    WalkIn,
    Call,
    Hold,
    Deposit,
    Subscribe,
    Sign,
    Cancel,
    MoveIn,
}

public static class ReportNames
{
    public static string ToWire(this ReportKind kind) => kind.ToString().ToLowerInvariant();

    public static string ToWire(this ReportPeriod period) => period.ToString().ToLowerInvariant();

    public static string ToWire(this Measure measure) => measure.ToString().ToLowerInvariant();

    public static string ToWire(this FunnelStage stage) => stage.ToString().ToLowerInvariant();

    public static string Path(this ReportKind kind) => "/reports/" + kind.ToWire();

    /// <summary>The unit event a deal-step measure counts; null for walk-ins and calls.</summary>
    public static UnitAction? Action(this Measure measure) => measure switch
    {
        Measure.Hold => UnitAction.Hold,
        Measure.Deposit => UnitAction.Deposit,
        Measure.Subscribe => UnitAction.Subscribe,
        Measure.Sign => UnitAction.Sign,
        Measure.Cancel => UnitAction.Cancel,
        Measure.MoveIn => UnitAction.MoveIn,
        _ => null,
    };

    public static Measure ToMeasure(this UnitAction action) => action switch
    {
        UnitAction.Hold => Measure.Hold,
        UnitAction.Deposit => Measure.Deposit,
        UnitAction.Subscribe => Measure.Subscribe,
        UnitAction.Sign => Measure.Sign,
        UnitAction.Cancel => Measure.Cancel,
        UnitAction.MoveIn => Measure.MoveIn,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Only the lower-case names: Enum.TryParse would also take "3" or "hold,sign".</summary>
    public static bool TryParse<T>(string value, out T parsed)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                parsed = candidate;
                return true;
            }
        }
        parsed = default;
        return false;
    }
}

/// <summary>A report's query string as typed or linked, not yet checked: every value is text.</summary>
public sealed record ReportQuery(
    string? Project = null,
    string? From = null,
    string? To = null,
    string? Period = null,
    string? Building = null,
    string? Agent = null,
    string? Action = null,
    string? Status = null,
    string? Stage = null,
    string? Overdue = null,
    string? Channel = null)
{
    public static ReportQuery Of(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(p => p.Key, p => (string?)p.Value.FirstOrDefault(), StringComparer.OrdinalIgnoreCase);
        return new ReportQuery(
            values.GetValueOrDefault("project"), values.GetValueOrDefault("from"), values.GetValueOrDefault("to"),
            values.GetValueOrDefault("period"), values.GetValueOrDefault("building"), values.GetValueOrDefault("agent"),
            values.GetValueOrDefault("action"), values.GetValueOrDefault("status"), values.GetValueOrDefault("stage"),
            values.GetValueOrDefault("overdue"), values.GetValueOrDefault("channel"));
    }
}

/// <summary>
/// A report's filters, checked. Dates are the project's calendar days, both included; absent ones are
/// today. Null means "all". <see cref="Url"/> writes them back as the report's query string, which is
/// what the cockpit's links and the reports' own drill-downs use.
/// </summary>
public sealed record ReportFilter
{
    /// <summary>A leap year and a day: a year's report from any day to the same day a year later.</summary>
    public const int MaxDays = 366;

    public const string DateFormat = "yyyy-MM-dd";

    public required int ProjectId { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public ReportPeriod Period { get; init; }

    public int? BuildingId { get; init; }

    public string? AgentId { get; init; }

    public Measure? Action { get; init; }

    public UnitStatus? Status { get; init; }

    public FunnelStage? Stage { get; init; }

    public bool? Overdue { get; init; }

    public string? Channel { get; init; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Which filters a report takes; the others are neither read from nor written to its link.</summary>
    public static bool Takes(ReportKind kind, string name) => name switch
    {
        "project" => true,
        "from" or "to" => kind is not (ReportKind.Units or ReportKind.Awaiting),
        "period" => kind == ReportKind.Sales,
        "building" => kind is not ReportKind.Customers,
        "agent" => kind is not (ReportKind.Agents or ReportKind.Units),
        "action" => kind == ReportKind.Steps,
        "status" => kind == ReportKind.Units,
        "stage" => kind is ReportKind.Awaiting or ReportKind.Customers,
        "overdue" => kind == ReportKind.Awaiting,
        "channel" => kind == ReportKind.Customers,
        _ => false,
    };

    /// <summary>The report's link with these filters, e.g. /reports/steps?project=1&amp;from=2026-11-01&amp;to=2026-11-30&amp;action=sign.</summary>
    public string Url(ReportKind kind) => kind.Path() + Query(kind);

    /// <summary>The query string of the report's link, from the "?" on.</summary>
    public string Query(ReportKind kind)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (value is not null && Takes(kind, name))
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
        Add("project", ProjectId.ToString(CultureInfo.InvariantCulture));
        Add("from", From.ToString(DateFormat, CultureInfo.InvariantCulture));
        Add("to", To.ToString(DateFormat, CultureInfo.InvariantCulture));
        Add("period", Period.ToWire());
        Add("building", BuildingId?.ToString(CultureInfo.InvariantCulture));
        Add("agent", AgentId);
        Add("action", Action?.ToWire());
        Add("status", Status?.ToWire());
        Add("stage", Stage?.ToWire());
        Add("overdue", Overdue is { } overdue ? (overdue ? "true" : "false") : null);
        Add("channel", Channel);
        return query.ToString();
    }

    /// <summary>
    /// The filters of a query, checked for form only (dates, order and length of the range, names of
    /// periods, actions, statuses and stages); whether the building, agent or channel exists is the
    /// service's to check. Returns the localized reason when refused.
    /// </summary>
    public static string? TryParse(ReportKind kind, ReportQuery query, int projectId, DateOnly today, out ReportFilter filter)
    {
        filter = new ReportFilter { ProjectId = projectId, From = today, To = today };
        string? Value(string name, string? value) => Takes(kind, name) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var (fromText, toText) = (Value("from", query.From), Value("to", query.To));
        if (!TryDate(toText, today, out var to))
        {
            return L.T("reports.filter.date", Shown(toText));
        }
        // Only an end given: that day alone when it is before today, rather than a refusal.
        if (!TryDate(fromText, toText is not null && to < today ? to : today, out var from))
        {
            return L.T("reports.filter.date", Shown(fromText));
        }
        if (from > to)
        {
            return L.T("reports.filter.order", from.ToString(DateFormat, CultureInfo.InvariantCulture), to.ToString(DateFormat, CultureInfo.InvariantCulture));
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            return L.T("reports.filter.range", MaxDays);
        }
        var period = ReportPeriod.Day;
        if (Value("period", query.Period) is { } periodText && !ReportNames.TryParse(periodText, out period))
        {
            return L.T("reports.filter.period", Shown(periodText));
        }
        int? building = null;
        if (Value("building", query.Building) is { } buildingText)
        {
            if (!int.TryParse(buildingText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return L.T("reports.filter.building", Shown(buildingText));
            }
            building = id;
        }
        var agent = Value("agent", query.Agent);
        if (agent is { Length: > 64 })
        {
            return L.T("reports.filter.agent", Shown(agent));
        }
        Measure? action = null;
        if (Value("action", query.Action) is { } actionText)
        {
            if (!ReportNames.TryParse<Measure>(actionText, out var measure))
            {
                return L.T("reports.filter.action", Shown(actionText));
            }
            action = measure;
        }
        UnitStatus? status = null;
        if (Value("status", query.Status) is { } statusText)
        {
            if (!ReportNames.TryParse<UnitStatus>(statusText, out var unitStatus))
            {
                return L.T("reports.filter.status", Shown(statusText));
            }
            status = unitStatus;
        }
        FunnelStage? stage = null;
        if (Value("stage", query.Stage) is { } stageText)
        {
            // Awaiting the next step are deposits and subscriptions only.
            if (!ReportNames.TryParse<FunnelStage>(stageText, out var funnel) || (kind == ReportKind.Awaiting && funnel is not (FunnelStage.Deposited or FunnelStage.Subscribed)))
            {
                return L.T(kind == ReportKind.Awaiting ? "reports.filter.awaitingStage" : "reports.filter.stage", Shown(stageText));
            }
            stage = funnel;
        }
        bool? overdue = null;
        if (Value("overdue", query.Overdue) is { } overdueText)
        {
            if (!bool.TryParse(overdueText, out var late))
            {
                return L.T("reports.filter.overdue", Shown(overdueText));
            }
            overdue = late;
        }
        var channel = Value("channel", query.Channel);
        if (channel is { Length: > Customer.MaxChannelLength })
        {
            return L.T("reports.filter.channel", Shown(channel));
        }
        filter = filter with
        {
            From = from, To = to, Period = period, BuildingId = building, AgentId = agent, Action = action,
            Status = status, Stage = stage, Overdue = overdue, Channel = channel,
        };
        return null;
    }

    /// <summary>The refusal for a filter made in code rather than parsed (e.g. by the benchmark); null when it is fine.</summary>
    public string? Problem()
    {
        if (From > To)
        {
            return L.T("reports.filter.order", From.ToString(DateFormat, CultureInfo.InvariantCulture), To.ToString(DateFormat, CultureInfo.InvariantCulture));
        }
        return Days > MaxDays ? L.T("reports.filter.range", MaxDays) : null;
    }

    private static bool TryDate(string? text, DateOnly today, out DateOnly date)
    {
        if (text is null)
        {
            date = today;
            return true;
        }
        // Years far off are typing mistakes, and would overflow the conversion to UTC at the ends.
        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 2000 and <= 2100;
    }

    /// <summary>Typed text echoed in a message, cut short.</summary>
    private static string Shown(string? text) => text is null ? "" : text.Length > 30 ? text[..30] + "…" : text;
}
