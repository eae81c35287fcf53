namespace Realty.Live.Web.Features.Board;

/// <summary>What the agent typed about the buyer, kept while they look at other units.</summary>
public sealed class CustomerDraft
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Reason { get; set; }

    public void Clear() => (Name, Phone, Reason) = (null, null, null);
}
