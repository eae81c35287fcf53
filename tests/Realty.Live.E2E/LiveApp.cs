using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Realty.Live.Web;
using Realty.Live.Web.Realtime;

namespace Realty.Live.E2E;

[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "live app";
}

/// <summary>
/// The real app on a real loopback socket with a fresh SQLite file and the demo seed, and one
/// headless Chromium, shared by the tests of one collection. The wall's long tests have collections
/// (and so apps) of their own, so they run beside the others rather than after them.
/// </summary>
/// <remarks>
/// Hosted in-process by <see cref="WebApplicationFactory{TEntryPoint}"/> with Kestrel (.NET 10's
/// <c>UseKestrel</c> + <c>StartServer</c>) rather than as a child <c>dotnet</c> process: the app runs
/// its own Program, middleware and hub exactly as deployed, while the tests can still reach into its
/// services (to hold broadcasts back for the race, to work on units while a screen is cut off, to
/// stop and start it) and nothing can outlive the test run.
/// </remarks>
public sealed class LiveApp : IAsyncLifetime
{
    // Several collections run side by side, each with its own app; the artifacts are the run's, cleared once.
    private static readonly Lazy<bool> ArtifactsCleared = new(ClearArtifacts);

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("realty-e2e-").FullName;
    private Factory? _factory;
    private int _port;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => Running.ClientOptions.BaseAddress;

    public IBrowser Browser => _browser ?? throw NotStarted();

    /// <summary>The running app's services: its database, unit service, board state.</summary>
    public IServiceProvider Services => Running.Services;

    public HeldBackEventBus Broadcasts => Services.GetRequiredService<HeldBackEventBus>();

    public CircuitTracker Circuits => Services.GetRequiredService<CircuitTracker>();

    /// <summary>The repository's <c>tests/Realty.Live.E2E/screenshots</c>: the README shows pictures from here.</summary>
    public static string ScreenshotFolder => Path.Combine(Chromium.RepositoryRoot, "tests", "Realty.Live.E2E", "screenshots");

    /// <summary>Every picture a run takes, and what the pages showed when a test failed.</summary>
    public static string ArtifactFolder => Path.Combine(Chromium.RepositoryRoot, "artifacts", "e2e");

    private string DatabaseFile => Path.Combine(_dataFolder, "realty.db");

    private Factory Running => _factory ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        _ = ArtifactsCleared.Value;
        Start();
        // The first page is rendered cold (JIT, Razor, EF's model, Identity): pay for that here, not
        // within a test's ten-second step while the other collections start up too.
        using (var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(1) })
        {
            (await http.GetAsync("/account/login")).EnsureSuccessStatusCode();
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>
    /// Starts the app: on a free port the first time, then on the same port and database file, as a
    /// redeployed server comes back at the address the screens already have.
    /// </summary>
    public void Start()
    {
        if (_factory is not null)
        {
            throw new InvalidOperationException("The app is already running.");
        }
        _factory = new Factory(DatabaseFile);
        _factory.UseKestrel(_port);
        // Migrates, seeds (the first time only) and starts listening before it returns.
        _factory.StartServer();
        _port = _factory.ClientOptions.BaseAddress.Port;
    }

    /// <summary>Stops the app as a deploy does: the port closes and every circuit it held is gone.</summary>
    public async Task StopAsync()
    {
        var factory = Running;
        _factory = null;
        await factory.DisposeAsync();
    }

    /// <summary>
    /// The app's own services over the same database file while the app is stopped: built by the
    /// app's registrations but never started, so nothing listens and no screen hears of a change made
    /// through them, as with a script or an import run during a deploy.
    /// </summary>
    public WebApplication OfflineServices()
    {
        if (_factory is not null)
        {
            throw new InvalidOperationException("The app is running: use Services.");
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(Settings(DatabaseFile));
        builder.AddRealtyLive();
        return builder.Build();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        // Pooled connections keep the database file open; let go of them before deleting it.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    /// <summary>A fresh browser profile (cookies, storage) in the sales office's time zone; the app takes its language from the locale.</summary>
    public Task<IBrowserContext> NewContextAsync(int width, int height, string locale, bool touch = false) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            HasTouch = touch,
        });

    private static InvalidOperationException NotStarted() => new("The app has not been started.");

    private static Dictionary<string, string?> Settings(string databaseFile) => new()
    {
        ["ConnectionStrings:Realty"] = $"Data Source={databaseFile}",
        ["Database:Provider"] = "Sqlite",
        ["Demo:Seed"] = "true",
        ["Jobs:Enabled"] = "false",
        // The boards' database poll would deliver, within seconds, the broadcasts the race test holds
        // back on purpose. It is there for lost cross-node messages, which the cluster tests cover.
        ["Realtime:ReconcileSeconds"] = "3600",
    };

    private static bool ClearArtifacts()
    {
        // Pictures of an earlier run's failures would mislead whoever reads this run's artifacts.
        if (Directory.Exists(ArtifactFolder))
        {
            Directory.Delete(ArtifactFolder, recursive: true);
        }
        return true;
    }


    private sealed class Factory(string databaseFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Production, as on the sales floor: the error page instead of developer pages, and demo
            // data only because it is asked for. Outside Development the build's static web assets
            // (MudBlazor, blazor.web.js, the linked wwwroot) are not wired up by default.
            builder.UseEnvironment("Production");
            builder.UseStaticWebAssets();
            // Settings, not appsettings: the app reads the database and jobs switches while it is being built.
            foreach (var (key, value) in Settings(databaseFile))
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IEventBus>();
                services.AddSingleton<InProcessEventBus>();
                services.AddSingleton<HeldBackEventBus>();
                services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<HeldBackEventBus>());
                services.AddSingleton<CircuitTracker>();
                services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitTracker>());
            });
        }
    }
}
