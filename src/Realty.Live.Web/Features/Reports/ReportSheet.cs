using System.Data;
using MiniExcelLibs;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Reports;

/// <summary>
/// A report as an Excel workbook (MiniExcel): one sheet per table of the page, with its columns' titles in
/// the reader's language, its rows and its totals row, numbers as numbers; then a sheet of the filters
/// and notes it was made with.
/// </summary>
public static class ReportSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int MaxSheetName = 31;

    public static byte[] Write(ReportView view)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in view.Tables)
        {
            sheets[SheetName(table.Title, sheets)] = Table(table);
        }
        var filters = new DataTable();
        filters.Columns.Add(L.T("reports.sheet.filter"), typeof(string));
        filters.Columns.Add(L.T("reports.sheet.value"), typeof(string));
        foreach (var line in view.Filters)
        {
            filters.Rows.Add(line.Name, line.Value);
        }
        foreach (var note in view.Tables.Select(t => t.Note).OfType<string>())
        {
            filters.Rows.Add(L.T("reports.sheet.note"), note);
        }
        sheets[SheetName(L.T("reports.sheet.filters"), sheets)] = filters;

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A table as a sheet; a DataTable, because MiniExcel writes its header even when there are no rows.</summary>
    private static DataTable Table(ReportTable table)
    {
        var data = new DataTable();
        foreach (var column in table.Columns)
        {
            // A channel may be named like another column: the sheet's header needs each title once.
            var title = column.Title;
            for (var i = 2; data.Columns.Contains(title); i++)
            {
                title = $"{column.Title} ({i})";
            }
            data.Columns.Add(title, typeof(object));
        }
        foreach (var row in table.Totals is { } totals ? [.. table.Rows, totals] : table.Rows)
        {
            data.Rows.Add([.. row.Cells.Select(c => c.Raw ?? DBNull.Value)]);
        }
        return data;
    }

    /// <summary>Excel allows 31 characters and none of []:*?/\ in a sheet's name, and no two alike.</summary>
    private static string SheetName(string title, Dictionary<string, object> taken)
    {
        var name = new string([.. title.Select(ch => "[]:*?/\\".Contains(ch) ? ' ' : ch)]).Trim();
        name = name.Length > MaxSheetName ? name[..MaxSheetName] : name;
        for (var i = 2; taken.ContainsKey(name); i++)
        {
            var suffix = $" ({i})";
            name = (name.Length + suffix.Length > MaxSheetName ? name[..(MaxSheetName - suffix.Length)] : name) + suffix;
        }
        return name;
    }
}
