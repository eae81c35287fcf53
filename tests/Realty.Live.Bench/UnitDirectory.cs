using System.Globalization;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Bench;

/// <summary>
/// What a board client needs to recognise a unit in what the server sends it: unit codes, and the
/// status names the wall prints, in both languages (the circuit's language is the server's choice).
/// </summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<string, int> _idByCode;
    private readonly Dictionary<string, UnitStatus> _statusByName;

    public UnitDirectory(IEnumerable<(int Id, string Code)> units)
    {
        _idByCode = units.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
        _statusByName = new Dictionary<string, UnitStatus>(StringComparer.Ordinal);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in L.Cultures)
            {
                CultureInfo.CurrentUICulture = culture;
                foreach (var status in Enum.GetValues<UnitStatus>())
                {
                    _statusByName[L.Status(status)] = status;
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        IdLookup = _idByCode.GetAlternateLookup<ReadOnlySpan<char>>();
        StatusLookup = _statusByName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _idByCode.Count;

    /// <summary>Looks codes up in decoded text without allocating a string per frame.</summary>
    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> IdLookup { get; }

    public Dictionary<string, UnitStatus>.AlternateLookup<ReadOnlySpan<char>> StatusLookup { get; }

    public bool TryGetId(string code, out int id) => _idByCode.TryGetValue(code, out id);

    public bool TryGetStatus(string name, out UnitStatus status) => _statusByName.TryGetValue(name, out status);
}
