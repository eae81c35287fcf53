namespace Realty.Live.Web.Domain;

/// <summary>
/// A rule was broken. Carries a message key and its arguments rather than text, so the
/// edge (page or API) can say it in the user's language.
/// </summary>
public sealed class DomainException(string key, params object[] args) : Exception(key)
{
    public string Key { get; } = key;

    public IReadOnlyList<object> Args { get; } = args;
}
