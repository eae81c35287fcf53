using System.Security.Cryptography;

namespace Realty.Live.Web.Domain;

/// <summary>A secret link that lets a sales-floor TV show a project's wall without a login.</summary>
public sealed class DisplayLink
{
    public const int MaxNameLength = 40;

    private DisplayLink()
    {
    }

    public DisplayLink(int projectId, string name, Actor createdBy, DateTime now)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("display.name.required");
        }
        if (trimmed.Length > MaxNameLength)
        {
            throw new DomainException("display.name.tooLong", MaxNameLength);
        }
        ProjectId = projectId;
        Name = trimmed;
        Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        CreatedBy = createdBy.Name;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public string Token { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
