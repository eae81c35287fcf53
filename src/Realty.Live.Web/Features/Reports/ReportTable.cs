using System.Globalization;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Reports;

/// <summary>How a column's values read: text left, numbers right; money and m² in their own format.</summary>
public enum CellKind
{
    Text,
    Count,
    Area,
    Yuan,
    Percent,
    Time,
    Date,
}

public sealed record ReportColumn(string Key, string Title, CellKind Kind);

/// <summary>A value (string, int, decimal, local DateTime or DateOnly; null for "not counted") and where it drills to.</summary>
public sealed record ReportCell(object? Value, string? Href = null)
{
    /// <summary>The value as the page shows it.</summary>
    public string Shown(CellKind kind) => Value switch
    {
        null => "—",
        string text => text,
        DateTime at => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString(ReportFilter.DateFormat, CultureInfo.InvariantCulture),
        decimal amount when kind == CellKind.Yuan => L.Money(amount),
        decimal area when kind == CellKind.Area => area.ToString("#,0.##", CultureInfo.CurrentCulture),
        decimal ratio when kind == CellKind.Percent => ratio.ToString("0.0%", CultureInfo.CurrentCulture),
        IFormattable number => number.ToString("#,0.##", CultureInfo.CurrentCulture),
        var other => other.ToString() ?? "",
    };

    /// <summary>The value as a machine reads it (data attributes, the sheet): numbers unformatted, times as text.</summary>
    public object? Raw => Value switch
    {
        DateTime at => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString(ReportFilter.DateFormat, CultureInfo.InvariantCulture),
        var other => other,
    };

    public string Plain => Raw switch
    {
        null => "",
        decimal number => L.Plain(number),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}

/// <summary>One row; <see cref="Alert"/> marks it red (e.g. overdue).</summary>
public sealed record ReportRow(string Key, IReadOnlyList<ReportCell> Cells, bool Alert = false);

/// <summary>
/// One table of a report exactly as the page shows it and the Excel sheet holds it: the same columns,
/// rows and totals, so the two cannot tell different stories.
/// </summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, ReportRow? Totals = null, string? Note = null);

/// <summary>A filter as the print header and the sheet state it: its name and value ("all" when none).</summary>
public sealed record FilterLine(string Name, string Value);

/// <summary>A report made ready to show, print and export.</summary>
public sealed record ReportView(ReportKind Kind, string Title, ReportContext Context, ReportFilter Filter, IReadOnlyList<FilterLine> Filters, IReadOnlyList<ReportTable> Tables);

/// <summary>The report, or why there is none; the context comes along whenever the project is known.</summary>
public sealed record ReportPageAnswer(ReportContext? Context, ReportView? View, string? Error);
