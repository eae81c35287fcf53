using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using Realty.Live.Web.Data;

namespace Realty.Live.E2E.Cluster;

/// <summary>
/// A real cluster on loopback, as deploy/cluster.sh builds one: the published app running as two
/// node processes on a fresh PostgreSQL database, a Redis server of its own, and nginx with the
/// sticky-session configuration of deploy/nginx in front. Nodes poll the database for missed
/// changes every 2 s, so a lost message shows within a test's patience.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public const string Password = "Demo@2026";

    private static readonly SemaphoreSlim PublishOnce = new(1, 1);
    private static string? _published;

    private readonly string _database = $"realty_e2e_{Guid.NewGuid():N}"[..30];
    private readonly List<ServerProcess> _servers = [];
    private readonly ServerProcess?[] _nodes = new ServerProcess?[2];
    private readonly int[] _nodePorts = [ServerProcess.FreePort(), ServerProcess.FreePort()];
    private readonly int _redisPort = ServerProcess.FreePort();
    private readonly int _proxyPort = ServerProcess.FreePort();
    private ServerProcess? _redis;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri Proxy => new($"http://127.0.0.1:{_proxyPort}");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The cluster has not started.");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = _database }.ConnectionString;

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("REALTY_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("Set REALTY_TEST_POSTGRES to a PostgreSQL server on 127.0.0.1 (./test.sh does).");

    private string LogFolder => Path.Combine(Chromium.RepositoryRoot, "artifacts", "cluster-tests", _database);

    public Uri Node(int number) => new($"http://127.0.0.1:{_nodePorts[number - 1]}");

    public async Task InitializeAsync()
    {
        var app = await PublishAsync();
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {_database}", admin).ExecuteNonQueryAsync();
        }
        await StartRedisAsync();
        // One node at a time, as a deploy does: the first migrates and seeds, the second finds it done.
        for (var number = 1; number <= 2; number++)
        {
            await StartNodeAsync(app, number);
        }
        await StartNginxAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }

    /// <summary>Node 1 or 2 dies as in a crash: the process is killed, its circuits and connections with it.</summary>
    public Task KillNodeAsync(int number) => _nodes[number - 1]!.KillAsync();

    public Task StopRedisAsync() => _redis!.KillAsync();

    /// <summary>Redis again, on the same port: the nodes' connections find it by themselves.</summary>
    public async Task StartRedisAsync()
    {
        _redis = Track(ServerProcess.Start(
            "redis-server",
            ["--bind", "127.0.0.1", "--port", _redisPort.ToString(), "--save", "", "--appendonly", "no"],
            Path.Combine(LogFolder, "redis.log")));
        await ServerProcess.WaitForPortAsync(_redisPort, TimeSpan.FromSeconds(10));
    }

    /// <summary>An API client of one node, signed in as a demo person with a bearer token.</summary>
    public async Task<HttpClient> ApiAsync(Uri node, string email)
    {
        var client = new HttpClient { BaseAddress = node };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public RealtyDbContext OpenDatabase() =>
        new PostgreSqlRealtyDbContext(new DbContextOptionsBuilder<PostgreSqlRealtyDbContext>().UseNpgsql(ConnectionString).Options);

    private async Task StartNodeAsync(string app, int number)
    {
        var node = Track(ServerProcess.Start(
            "dotnet",
            [Path.Combine(app, "Realty.Live.Web.dll"), "--contentRoot", app, "--urls", Node(number).ToString()],
            Path.Combine(LogFolder, $"node{number}.log"),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__Realty"] = ConnectionString,
                ["ConnectionStrings__Redis"] = $"127.0.0.1:{_redisPort}",
                ["Realtime__Node"] = $"node{number}",
                ["Realtime__ReconcileSeconds"] = "2",
                ["Demo__Seed"] = number == 1 ? "true" : "false",
                ["Jobs__Enabled"] = "true",
            }));
        _nodes[number - 1] = node;
        using var http = new HttpClient { BaseAddress = Node(number), Timeout = TimeSpan.FromSeconds(5) };
        // The first node migrates and seeds the demo project (deals, schedules, queue numbers) on PostgreSQL: minutes on a busy CI machine.
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (true)
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"Node {number} exited while starting; see {node.Log}.");
            }
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // Not listening yet, or too busy starting to answer within the request's 5 s.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Node {number} did not answer /health in 240 s; see {node.Log}.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>nginx as deployed: the repository's template, with this cluster's ports filled in.</summary>
    private async Task StartNginxAsync()
    {
        var folder = Path.Combine(LogFolder, "nginx");
        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        var site = (await File.ReadAllTextAsync(Path.Combine(Chromium.RepositoryRoot, "deploy", "nginx", "realty.conf.template")))
            .Replace("${REALTY_LISTEN}", $"127.0.0.1:{_proxyPort}")
            .Replace("${REALTY_NODE1}", $"127.0.0.1:{_nodePorts[0]}")
            .Replace("${REALTY_NODE2}", $"127.0.0.1:{_nodePorts[1]}");
        await File.WriteAllTextAsync(Path.Combine(folder, "realty.conf"), site);
        var temp = Path.Combine(folder, "tmp");
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{folder}}/realty.conf;
            }
            """);
        Track(ServerProcess.Start("nginx", ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"], Path.Combine(LogFolder, "nginx.log")));
        await ServerProcess.WaitForPortAsync(_proxyPort, TimeSpan.FromSeconds(10));
    }

    private ServerProcess Track(ServerProcess server)
    {
        _servers.Add(server);
        return server;
    }

    /// <summary>The app as deployed, published once per test run from this build's output.</summary>
    private static async Task<string> PublishAsync()
    {
        await PublishOnce.WaitAsync();
        try
        {
            if (_published is not null)
            {
                return _published;
            }
#if DEBUG
            const string Configuration = "Debug";
#else
            const string Configuration = "Release";
#endif
            var output = Path.Combine(Chromium.RepositoryRoot, "artifacts", "cluster-tests", "app");
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
            await using var publish = ServerProcess.Start(
                "dotnet",
                ["publish", Path.Combine(Chromium.RepositoryRoot, "src", "Realty.Live.Web"), "-c", Configuration, "--no-build", "--nologo", "-o", output],
                Path.Combine(Chromium.RepositoryRoot, "artifacts", "cluster-tests", "publish.log"));
            if (await publish.WaitForExitAsync(TimeSpan.FromMinutes(3)) != 0)
            {
                throw new InvalidOperationException("Publishing the app failed; see artifacts/cluster-tests/publish.log.");
            }
            return _published = output;
        }
        finally
        {
            PublishOnce.Release();
        }
    }

}
