using System.Globalization;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Localization;

/// <summary>
/// The two languages of the product. Texts sit in one table (<see cref="Catalog"/>) so a
/// translator sees English and Chinese side by side; the current UI culture picks the column.
/// </summary>
public static partial class L
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static string T(string key, params object?[] args)
    {
        var template = Catalog.TryGetValue(key, out var text) ? (IsChinese ? text.Zh : text.En) : key;
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args.Select(Localise).ToArray());
    }

    public static string Status(UnitStatus status) => T("status." + status.ToWire());

    public static string Action(UnitAction action) => T("action." + action.ToWire());

    public static string Kind(ChangeKind kind) => T("change.kind." + kind.ToString().ToLowerInvariant());

    public static string Plan(PaymentPlanKind kind) => T("plan.kind." + kind.ToString().ToLowerInvariant());

    public static string Discount(DiscountKind kind) => T("discount.kind." + kind.ToString().ToLowerInvariant());

    /// <summary>A date in the sales office's calendar, as the forms write it.</summary>
    public static string Date(DateOnly date) => date.ToString(IsChinese ? "yyyy年M月d日" : "d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Message(DomainException error) => T(error.Key, [.. error.Args]);

    /// <summary>What an HTTP error means, for API errors the framework raises before our code runs.</summary>
    public static string StatusDetail(int status) => T(status switch
    {
        400 => "error.badRequest",
        401 => "error.unauthenticated",
        403 => "error.forbidden",
        404 => "error.notFound",
        405 => "error.methodNotAllowed",
        _ => "error.unexpected",
    });

    /// <summary>Money in CNY, whole yuan, in the culture's grouping: ¥4,012,345.</summary>
    public static string Money(decimal amount) =>
        amount.ToString("C0", CnyFormat());

    /// <summary>An amount as a machine reads it (data attributes, tests): 50000, 6370650.5; never grouped, never localised.</summary>
    public static string Plain(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Money to the fen, as on a payment schedule: ¥4,546.47.</summary>
    public static string Yuan(decimal amount) =>
        amount.ToString("C2", CnyFormat());

    /// <summary>A short total for board cells: 401.2万 in Chinese, ¥4.01M in English.</summary>
    public static string MoneyShort(decimal amount) => IsChinese
        ? (amount / 10_000m).ToString("0.#", CultureInfo.CurrentCulture) + "万"
        : "¥" + (amount / 1_000_000m).ToString("0.00", CultureInfo.CurrentCulture) + "M";

    public static string Area(decimal area) => area.ToString("0.##", CultureInfo.CurrentCulture) + " m²";

    /// <summary>A UTC instant shown in the sales office's time (China Standard Time).</summary>
    public static string Time(DateTime utc, string format = "MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, OfficeTimeZone).ToString(format, CultureInfo.CurrentCulture);

    /// <summary>The time for today's moments, the date for older ones: a ticker never passes yesterday off as today.</summary>
    public static string TimeOrDate(DateTime utc, DateTime nowUtc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, OfficeTimeZone).Date == TimeZoneInfo.ConvertTimeFromUtc(nowUtc, OfficeTimeZone).Date
            ? Time(utc, "HH:mm")
            : Time(utc, "MM-dd");

    public static readonly TimeZoneInfo OfficeTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static NumberFormatInfo CnyFormat()
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "¥";
        format.CurrencyNegativePattern = 1;
        return format;
    }

    private static object? Localise(object? arg) => arg switch
    {
        UnitStatus status => Status(status),
        UnitAction action => Action(action),
        ChangeKind kind => Kind(kind),
        PaymentPlanKind plan => Plan(plan),
        RequestStatus status => T("change.status." + status.ToString().ToLowerInvariant()),
        DateOnly date => Date(date),
        DateTime at => Time(at),
        _ => arg,
    };
}
