using System.Threading.RateLimiting;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Board;

/// <summary>How many unit actions the API takes per minute from one agent, and for one buyer; 0 means no limit.</summary>
public sealed class ActionLimits
{
    public int AgentPerMinute { get; set; } = 30;

    public int BuyerPerMinute { get; set; } = 6;
}

/// <summary>
/// Fairness on opening day: a script firing actions for one agent account, or grabbing units for one
/// buyer through several accounts, is slowed to a person's pace. Every attempt counts, refused or
/// not, since a script's failures are its probes. Limits are per node: behind the load balancer an
/// agent sticks to one node.
/// </summary>
public sealed class ActionThrottle : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string>? _agents;
    private readonly PartitionedRateLimiter<string>? _buyers;

    public ActionThrottle(IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<ActionLimits>() ?? new ActionLimits();
        _agents = Limiter(limits.AgentPerMinute);
        _buyers = Limiter(limits.BuyerPerMinute);
    }

    /// <summary>Why this attempt must wait, with how long, or null when it may go ahead.</summary>
    public (string Message, TimeSpan RetryAfter)? Refusal(Actor agent, UnitCommand command)
    {
        if (Take(_agents, agent.Id) is { } agentWait)
        {
            return (L.T("rate.agent", Seconds(agentWait)), agentWait);
        }
        if (BuyerKey(command) is { } buyer && Take(_buyers, buyer) is { } buyerWait)
        {
            return (L.T("rate.buyer", Seconds(buyerWait)), buyerWait);
        }
        return null;
    }

    public void Dispose()
    {
        _agents?.Dispose();
        _buyers?.Dispose();
    }

    /// <summary>A buyer is known by their queue number or their mobile number, however it was typed.</summary>
    private static string? BuyerKey(UnitCommand command)
    {
        if (command.TicketNumber is { } ticket)
        {
            return "ticket:" + ticket;
        }
        if (string.IsNullOrWhiteSpace(command.CustomerPhone))
        {
            return null;
        }
        try
        {
            return "phone:" + CustomerContact.NormalisePhone(command.CustomerPhone);
        }
        catch (DomainException)
        {
            // Refused by the action itself, with its own message; the agent's limit still counted it.
            return null;
        }
    }

    private static TimeSpan? Take(PartitionedRateLimiter<string>? limiter, string key)
    {
        if (limiter is null)
        {
            return null;
        }
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private static PartitionedRateLimiter<string>? Limiter(int perMinute) => perMinute <= 0
        ? null
        : PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
