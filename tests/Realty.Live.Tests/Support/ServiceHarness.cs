using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Realty.Live.Web.Data;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Deals;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Features.Presence;
using Realty.Live.Web.Features.Questionnaires;
using Realty.Live.Web.Features.Reminders;
using Realty.Live.Web.Features.Replay;
using Realty.Live.Web.Features.Setup;
using Realty.Live.Web.Features.Displays;
using Realty.Live.Web.Features.Notices;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Support;

public static class RealtyTestServices
{
    /// <summary>
    /// The app's own services for the board, as RealtyLive registers them, over a test database and
    /// a clock the test moves. Shared by the service tests and the component tests.
    /// </summary>
    public static IServiceCollection AddRealtyBoard(this IServiceCollection services, IDbContextFactory<RealtyDbContext> dbFactory, TimeProvider clock)
    {
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSignalR();
        services.AddSingleton(dbFactory);
        services.AddSingleton(clock);
        services.AddSingleton<IEventBus, InProcessEventBus>();
        services.AddSingleton<BoardState>();
        services.AddSingleton<BoardBroadcaster>();
        services.AddSingleton<BoardRelay>();
        services.AddSingleton<UnitService>();
        services.AddSingleton<QuoteService>();
        services.AddSingleton<SalesTermsService>();
        services.AddSingleton<DisplayLinkService>();
        services.AddSingleton<ChangeService>();
        services.AddSingleton<OpeningService>();
        services.AddSingleton<OpeningWatch>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<LedgerService>();
        services.AddSingleton<QuestionnaireService>();
        services.AddSingleton<CustomerImport>();
        services.AddSingleton<CustomerExport>();
        services.AddTransient<DeadlinesJob>();
        services.AddSingleton<DuplicateReviewService>();
        services.AddSingleton<TransferService>();
        services.AddSingleton<PoolService>();
        services.AddSingleton<ChannelAdminService>();
        services.AddTransient<PoolJob>();
        services.AddSingleton<ReplayService>();
        services.AddNotices(new ConfigurationBuilder().Build());
        services.AddPresence(new ConfigurationBuilder().Build());
        return services;
    }

    /// <summary>Starts the relays that carry bus messages to the board state and the presence tracker, as the app's hosted services do.</summary>
    public static async Task StartRelayAsync(this IServiceProvider services)
    {
        await services.GetRequiredService<BoardRelay>().StartAsync(CancellationToken.None);
        await services.GetRequiredService<PresenceRelay>().StartAsync(CancellationToken.None);
    }
}

/// <summary>A fresh database and the app's real services over it, for one test.</summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public ServiceHarness()
    {
        Database = TestDatabase.Create();
        _services = new ServiceCollection().AddRealtyBoard(Database.Factory(), Clock).BuildServiceProvider();
        _services.StartRelayAsync().GetAwaiter().GetResult();
        Published = new BusRecorder(_services.GetRequiredService<IEventBus>());
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(Moments.Start);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public BusRecorder Published { get; }

    public UnitService Units => _services.GetRequiredService<UnitService>();

    public DisplayLinkService DisplayLinks => _services.GetRequiredService<DisplayLinkService>();

    public BoardState Boards => _services.GetRequiredService<BoardState>();

    /// <summary>Any other of the app's services, as registered for the test.</summary>
    public T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The app's unit service over another view of the same database, e.g. one with a <see cref="SaveGate"/>.</summary>
    public UnitService UnitsOver(IDbContextFactory<RealtyDbContext> dbFactory) =>
        new(dbFactory, _services.GetRequiredService<BoardBroadcaster>(), Clock);

    public Task<SeededProject> SeedAsync(ProjectBuilder project) => project.SaveAsync(Database, Now);

    public RealtyDbContext Open() => Database.Open();

    public async ValueTask DisposeAsync()
    {
        Published.Dispose();
        await _services.DisposeAsync();
        Database.Dispose();
    }
}
