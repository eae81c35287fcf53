namespace Realty.Live.Web.Features.Presence;

public static class PresenceSetup
{
    /// <summary>The tracker of who looks at which unit, and the relay that keeps it in step with the other nodes.</summary>
    public static IServiceCollection AddPresence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PresenceSettings.From(configuration));
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<PresenceRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceRelay>());
        return services;
    }
}
