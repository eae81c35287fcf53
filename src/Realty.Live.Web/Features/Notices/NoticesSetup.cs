using Hangfire;

namespace Realty.Live.Web.Features.Notices;

/// <summary>The notices' services, gateways and jobs, as RealtyLive registers them.</summary>
public static class NoticesSetup
{
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<SmsOptions>(configuration.GetSection("Sms"));
        services.AddHttpClient(WebhookSmsSender.ClientName);
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<LogOnlySmsSender>();
        services.AddSingleton<WebhookSmsSender>();
        // A webhook URL switches text messages from the log to the gateway.
        services.AddSingleton<ISmsSender>(sp => string.IsNullOrWhiteSpace(configuration["Sms:WebhookUrl"])
            ? sp.GetRequiredService<LogOnlySmsSender>()
            : sp.GetRequiredService<WebhookSmsSender>());
        services.AddSingleton<NoticeService>();
        services.AddSingleton<OutboxTrigger>();
        services.AddTransient<OutboxDispatcher>();
        services.AddTransient<BirthdayJob>();
        return services;
    }

    /// <summary>Registered at every start, like the other recurring jobs; both are safe on several nodes.</summary>
    public static void AddNoticeJobs(this IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<OutboxDispatcher>(OutboxDispatcher.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<BirthdayJob>(BirthdayJob.Id, job => job.RunAsync(), Cron.Minutely());
    }
}

/// <summary>Asks for a dispatcher run now, after a batch or a retry, rather than at the next minute.</summary>
public sealed class OutboxTrigger(IServiceProvider services)
{
    public void Now() => services.GetService<IBackgroundJobClient>()?.Enqueue<OutboxDispatcher>(job => job.RunAsync(CancellationToken.None));
}
