using StackExchange.Redis;

namespace Realty.Live.Web.Realtime;

/// <summary>
/// One node or a cluster. Without <c>ConnectionStrings:Redis</c> the event bus is in-process; with it,
/// commits travel between nodes over Redis pub/sub and the hub uses the Redis backplane.
/// </summary>
public static class RealtimeSetup
{
    /// <summary>This node's name in logs and in the <c>X-Realty-Node</c> response header (<c>Realtime:Node</c>).</summary>
    public static string NodeName(IConfiguration configuration) =>
        configuration["Realtime:Node"] is { Length: > 0 } name ? name : $"{Environment.MachineName}:{Environment.ProcessId}";

    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BoardState>();
        services.AddSingleton<BoardBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardBroadcaster>());
        services.AddHostedService<BoardRelay>();
        services.AddHostedService<BoardReconciler>();

        var signalR = services.AddSignalR();
        if (configuration.GetConnectionString("Redis") is not { Length: > 0 } redis)
        {
            services.AddSingleton<IEventBus, InProcessEventBus>();
            return services;
        }
        // The node starts and serves even while Redis is down; the multiplexer keeps reconnecting.
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.ClientName = NodeName(configuration);
        var multiplexer = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IConnectionMultiplexer>(_ => multiplexer.Value);
        services.AddSingleton<IEventBus, RedisEventBus>();
        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal("realty-hub");
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(multiplexer.Value);
        });
        return services;
    }
}
