using Realty.Live.Web.Domain;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Web.Features.Replay;

/// <summary>One event of the day as the replay plays it.</summary>
public sealed record ReplayEvent(long Id, int UnitId, string UnitCode, int BuildingId, UnitAction Action, UnitStatus From, UnitStatus To, string By, DateTime At);

/// <summary>
/// A past day of one project, ready to play: every unit as it stood when the day began and the day's
/// events in the order they happened.
/// </summary>
/// <param name="StartUtc">The project-local midnight that begins the day.</param>
/// <param name="EndUtc">The midnight that ends it, or now for today.</param>
/// <param name="Start">The project's cells with each unit's status at <paramref name="StartUtc"/>.</param>
/// <param name="Events">By time, then by the order they were written.</param>
/// <param name="Truncated">The day had more events than one replay loads; the rest are not played.</param>
public sealed record ReplayDay(
    int ProjectId,
    string ProjectName,
    TimeZoneInfo TimeZone,
    DateOnly Day,
    DateTime StartUtc,
    DateTime EndUtc,
    IReadOnlyList<BuildingGrid> Buildings,
    IReadOnlyList<UnitCell> Start,
    IReadOnlyList<ReplayEvent> Events,
    bool Truncated = false)
{
    /// <summary>An instant of the day on the project's clock; the closing midnight reads 24:00:00.</summary>
    public string Clock(DateTime utc) => utc >= EndUtc && DateOnly.FromDateTime(Local(EndUtc)) > Day
        ? "24:00:00"
        : Local(utc).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZone);

    /// <summary>
    /// The UTC instant a project-local calendar day begins. Where the clocks jump over midnight (a few
    /// zones' summer time), the day begins at the first local time that exists.
    /// </summary>
    public static DateTime Begins(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
