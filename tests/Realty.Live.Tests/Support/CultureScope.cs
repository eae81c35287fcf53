using System.Globalization;

namespace Realty.Live.Tests.Support;

/// <summary>Runs a block in a culture, as a Chinese or an English user's circuit would, and restores it.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly (CultureInfo, CultureInfo) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    private CultureScope(CultureInfo culture) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);

    public static CultureScope Of(string name) => new(CultureInfo.GetCultureInfo(name));

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
}
