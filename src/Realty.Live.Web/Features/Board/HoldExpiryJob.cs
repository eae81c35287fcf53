namespace Realty.Live.Web.Features.Board;

/// <summary>The recurring job that returns expired holds to Available (every minute).</summary>
public sealed class HoldExpiryJob(UnitService units, ILogger<HoldExpiryJob> logger)
{
    public const string Id = "expire-holds";

    public async Task RunAsync()
    {
        var expired = await units.ExpireHoldsAsync();
        if (expired > 0)
        {
            logger.LogInformation("Expired {Count} holds", expired);
        }
    }
}
