using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Tests.Support;

/// <summary>
/// The whole app in memory over its own SQLite file with the demo project and demo people
/// (password <see cref="Realty.Live.Web.Data.DemoSeed.Password"/>); one per test class.
/// </summary>
public class RealtyAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Wang = "wangfang@demo.realty.live";
    public const string Li = "liqiang@demo.realty.live";
    public const string Manager = "manager@demo.realty.live";
    public const string Finance = "finance@demo.realty.live";

    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();
    private readonly HashSet<int> _taken = [];

    public int ProjectId { get; private set; }

    public async Task InitializeAsync()
    {
        using var client = await ClientAsync(Manager);
        var projects = await client.GetFromJsonAsync<List<ProjectSummary>>("/api/projects");
        ProjectId = projects![0].Id;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>A client signed in with a bearer token (or anonymous), speaking the given language.</summary>
    public async Task<HttpClient> ClientAsync(string? email, string? language = null)
    {
        var client = CreateClient();
        if (email is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email));
        }
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        return client;
    }

    /// <summary>One login per person per class: hashing the password is the slow part of a sign-in.</summary>
    public Task<string> TokenAsync(string email) => _tokens.GetOrAdd(email, async e =>
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = e, password = Realty.Live.Web.Data.DemoSeed.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    });

    /// <summary>A unit in the given status that no other test of this class has taken yet.</summary>
    public async Task<UnitListItem> TakeUnitAsync(string status, Func<UnitListItem, bool>? where = null)
    {
        using var client = await ClientAsync(Manager);
        var units = await client.GetFromJsonAsync<List<UnitListItem>>($"/api/projects/{ProjectId}/units");
        lock (_taken)
        {
            var unit = units!.First(u => u.Status == status && !_taken.Contains(u.Id) && (where?.Invoke(u) ?? true));
            _taken.Add(unit.Id);
            return unit;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Realty", _database.ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Jobs:Enabled", "false");
        // Tests act for the same few people faster than a person could; the limits have tests of their own.
        builder.UseSetting("RateLimits:AgentPerMinute", "0");
        builder.UseSetting("RateLimits:BuyerPerMinute", "0");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        Configure(builder);
    }

    /// <summary>Settings of a test class that needs the app set up differently.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken, long ExpiresIn);
}
