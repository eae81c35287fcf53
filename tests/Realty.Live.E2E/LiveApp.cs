using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Realty.Live.Web.Realtime;

namespace Realty.Live.E2E;

[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "live app";
}

/// <summary>
/// The real app on a real loopback socket with a fresh SQLite file and the demo seed, and one
/// headless Chromium, shared by every browser test.
/// </summary>
/// <remarks>
/// Hosted in-process by <see cref="WebApplicationFactory{TEntryPoint}"/> with Kestrel (.NET 10's
/// <c>UseKestrel</c> + <c>StartServer</c>) rather than as a child <c>dotnet</c> process: the app runs
/// its own Program, middleware and hub exactly as deployed, while the tests can still reach into its
/// services (to hold broadcasts back for the race) and nothing can outlive the test run.
/// </remarks>
public sealed class LiveApp : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("realty-e2e-").FullName;
    private Factory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _factory?.ClientOptions.BaseAddress ?? throw NotStarted();

    public IBrowser Browser => _browser ?? throw NotStarted();

    public HeldBackEventBus Broadcasts => _factory?.Services.GetRequiredService<HeldBackEventBus>() ?? throw NotStarted();

    /// <summary>The repository's <c>tests/Realty.Live.E2E/screenshots</c>: the README shows pictures from here.</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryRoot, "tests", "Realty.Live.E2E", "screenshots");

    /// <summary>Every picture a run takes, and what the pages showed when a test failed.</summary>
    public static string ArtifactFolder => Path.Combine(RepositoryRoot, "artifacts", "e2e");

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        // Pictures of an earlier run's failures would mislead whoever reads this run's artifacts.
        if (Directory.Exists(ArtifactFolder))
        {
            Directory.Delete(ArtifactFolder, recursive: true);
        }
        _factory = new Factory(Path.Combine(_dataFolder, "realty.db"));
        _factory.UseKestrel(0);
        // Migrates, seeds and starts listening before it returns.
        _factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("REALTY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
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
    public Task<IBrowserContext> NewContextAsync(int width, int height, string locale) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
        });

    private static InvalidOperationException NotStarted() => new("The app has not been started.");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Realty.Live.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"Realty.Live.sln was not found above {AppContext.BaseDirectory}.");
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
            builder.UseSetting("ConnectionStrings:Realty", $"Data Source={databaseFile}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Jobs:Enabled", "false");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IEventBus>();
                services.AddSingleton<InProcessEventBus>();
                services.AddSingleton<HeldBackEventBus>();
                services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<HeldBackEventBus>());
            });
        }
    }
}
