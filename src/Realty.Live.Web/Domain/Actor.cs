namespace Realty.Live.Web.Domain;

/// <summary>Who performs a command: a signed-in user, or the system for scheduled work.</summary>
public sealed record Actor(string Id, string Name, bool IsManager)
{
    public static readonly Actor System = new("system", "System", IsManager: true);
}
