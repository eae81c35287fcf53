using System.Globalization;
using MiniExcelLibs;
using Realty.Live.Web.Domain;

namespace Realty.Live.Web.Features.Pricing;

/// <summary>A column of the price list sheet. Headers are bilingual; a file may use either half.</summary>
public sealed record SheetColumn(string Zh, string En)
{
    public string Header => $"{Zh} {En}";

    public bool Matches(string header)
    {
        var text = header.Trim();
        return string.Equals(text, Header, StringComparison.OrdinalIgnoreCase) ||
               string.Equals(text, Zh, StringComparison.OrdinalIgnoreCase) ||
               string.Equals(text, En, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>One data row of an uploaded sheet, by column, with Excel's row number.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<SheetColumn, object?> Cells)
{
    public object? this[SheetColumn column] => Cells.GetValueOrDefault(column);

    public bool Has(SheetColumn column) => !PriceSheet.IsBlank(this[column]);
}

/// <summary>
/// The price list and unit list as an Excel sheet (MiniExcel): the columns, writing, and reading cells the
/// way people type them (numbers as numbers or as text with ¥ and thousands separators).
/// </summary>
public static class PriceSheet
{
    public const int MaxRows = 5_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly SheetColumn Code = new("房号", "Code");
    public static readonly SheetColumn BuildingName = new("楼栋", "Building");
    public static readonly SheetColumn Floor = new("楼层", "Floor");
    public static readonly SheetColumn Stack = new("户位", "Stack");
    public static readonly SheetColumn LayoutCode = new("户型", "Layout");
    public static readonly SheetColumn GrossArea = new("建筑面积", "Gross area");
    public static readonly SheetColumn NetArea = new("套内面积", "Net area");
    public static readonly SheetColumn Orientation = new("朝向", "Orientation");
    public static readonly SheetColumn Status = new("状态", "Status");
    public static readonly SheetColumn Basis = new("计价方式", "Price basis");
    public static readonly SheetColumn UnitPrice = new("单价", "Unit price");
    public static readonly SheetColumn ListPrice = new("总价", "List price");
    public static readonly SheetColumn FloorPrice = new("底价", "Floor price");
    public static readonly SheetColumn UnitVersion = new("版本", "Version");

    public static readonly SheetColumn[] Columns =
    [
        Code, BuildingName, Floor, Stack, LayoutCode, GrossArea, NetArea, Orientation, Status, Basis, UnitPrice, ListPrice, FloorPrice, UnitVersion,
    ];

    /// <summary>The basis as the sheet writes it: both languages, so any office can read and re-import it.</summary>
    public static string BasisName(PriceBasis basis) => basis switch
    {
        PriceBasis.GrossArea => "建筑面积 Gross",
        PriceBasis.NetArea => "套内面积 Net",
        _ => "总价 Total",
    };

    public static bool TryParseBasis(object? cell, out PriceBasis basis)
    {
        basis = PriceBasis.GrossArea;
        var words = Text(cell).ToLowerInvariant().Split([' ', '/', '(', ')', '（', '）'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            switch (word)
            {
                case "gross" or "grossarea" or "建筑面积" or "建面":
                    basis = PriceBasis.GrossArea;
                    return true;
                case "net" or "netarea" or "套内面积" or "套内":
                    basis = PriceBasis.NetArea;
                    return true;
                case "total" or "总价" or "整套":
                    basis = PriceBasis.Total;
                    return true;
            }
        }
        return false;
    }

    public static byte[] Write(IEnumerable<IReadOnlyDictionary<SheetColumn, object?>> rows, string sheetName) => Write(rows, Columns, sheetName);

    /// <summary>Any sheet of bilingual columns, e.g. the customer list's.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyDictionary<SheetColumn, object?>> rows, IReadOnlyList<SheetColumn> columns, string sheetName)
    {
        var table = rows.Select(r => columns.ToDictionary(c => c.Header, c => r.GetValueOrDefault(c))).ToList();
        if (table.Count == 0)
        {
            // MiniExcel writes no header for no rows: an empty list still shows its columns.
            table.Add(columns.ToDictionary(c => c.Header, _ => (object?)null));
        }
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: sheetName);
        return stream.ToArray();
    }

    /// <summary>
    /// The data rows of the first sheet, headers matched to columns; blank rows left out. Throws
    /// <see cref="DomainException"/> for a file that is not a sheet, has no code column, or is too long.
    /// </summary>
    public static IReadOnlyList<SheetRow> Read(Stream stream) => Read(stream, Columns, Code);

    /// <summary>The data rows of any sheet of bilingual columns; <paramref name="key"/> is the column a header row must have.</summary>
    public static IReadOnlyList<SheetRow> Read(Stream stream, IReadOnlyList<SheetColumn> known, SheetColumn key)
    {
        var rows = new List<SheetRow>();
        try
        {
            Dictionary<string, SheetColumn>? columns = null;
            var number = 0;
            foreach (IDictionary<string, object?> raw in stream.Query(useHeaderRow: false))
            {
                number++;
                if (columns is null)
                {
                    if (raw.Values.All(IsBlank))
                    {
                        continue;
                    }
                    columns = [];
                    foreach (var (letter, header) in raw)
                    {
                        if (known.FirstOrDefault(c => c.Matches(Text(header))) is { } column && !columns.ContainsValue(column))
                        {
                            columns[letter] = column;
                        }
                    }
                    if (!columns.ContainsValue(key))
                    {
                        throw new DomainException("pricing.import.noCodeColumn", key.Header);
                    }
                    continue;
                }
                if (raw.Values.All(IsBlank))
                {
                    continue;
                }
                if (rows.Count == MaxRows)
                {
                    throw new DomainException("pricing.import.tooManyRows", MaxRows);
                }
                rows.Add(new SheetRow(number, columns.ToDictionary(c => c.Value, c => raw.TryGetValue(c.Key, out var v) ? v : null)));
            }
        }
        catch (Exception e) when (e is not DomainException)
        {
            // Not an xlsx (or a damaged one): MiniExcel says so in many ways.
            throw new DomainException("pricing.import.unreadable");
        }
        if (rows.Count == 0)
        {
            throw new DomainException("pricing.import.empty");
        }
        return rows;
    }

    public static bool IsBlank(object? cell) => cell is null || (cell is string s && string.IsNullOrWhiteSpace(s));

    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() ?? "",
    };

    /// <summary>A number from a cell: a numeric cell, or text like "¥4,200,000.00".</summary>
    public static bool TryNumber(object? cell, out decimal value)
    {
        value = 0;
        switch (cell)
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e15:
                value = (decimal)d;
                return true;
            case decimal m:
                value = m;
                return true;
            case int or long or float:
                return decimal.TryParse(Text(cell), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case string s:
                var cleaned = s.Replace(",", "").Replace("，", "").Replace("¥", "").Replace("￥", "").Replace(" ", "").Trim();
                return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }
}
