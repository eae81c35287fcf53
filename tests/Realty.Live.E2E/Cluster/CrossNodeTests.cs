using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Realtime;
using static Microsoft.Playwright.Assertions;

namespace Realty.Live.E2E.Cluster;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>Two nodes, one truth: what is committed on one node shows on the other's screens.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CrossNodeTests(ClusterFixture cluster)
{
    public const string Wang = "wangfang@demo.realty.live";
    public const string Li = "liqiang@demo.realty.live";
    public const string Zhao = "zhaomin@demo.realty.live";
    public const string Manager = "manager@demo.realty.live";

    [Fact]
    public async Task AHoldOnOneNodeShowsOnAWallAndAHubClientOfTheOther()
    {
        var wallUrl = await CreateWallAsync(cluster.Node(2));
        var heard = new ConcurrentQueue<UnitChangedMessage>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(cluster.Node(2), BoardHub.Path)).Build();
        hub.On<UnitChangedMessage>("UnitChanged", heard.Enqueue);
        await hub.StartAsync();
        await hub.InvokeAsync<int>("WatchDisplay", wallUrl.Segments[^1]);
        var page = await OpenWallAsync(wallUrl);
        var (unitId, code, version) = await AnAvailableUnitAsync(page);
        using var agent = await cluster.ApiAsync(cluster.Node(1), Wang);

        var hold = await agent.PostAsJsonAsync($"/api/units/{unitId}/hold", new { expectedVersion = version, customerName = "张伟", customerPhone = "13800138000" });

        Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
        Assert.Equal("node1", hold.Headers.GetValues("X-Realty-Node").Single());
        await Expect(page.Cell(code)).ToHaveAttributeAsync("data-status", "held", new() { Timeout = 5_000 });
        await Eventually(() => heard.Any(m => m.Code == code && m.Status == "held" && m.Version == version + 1));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AgentsOnBothNodesRaceForOneUnitOnPostgreSqlAndExactlyOneWins()
    {
        const int Contenders = 32;
        string[] people = [Wang, Li, Zhao];
        var clients = new List<HttpClient>();
        foreach (var node in new[] { 1, 2 })
        {
            foreach (var email in people)
            {
                clients.Add(await cluster.ApiAsync(cluster.Node(node), email));
            }
        }
        var (unitId, version) = await AnAvailableUnitAsync(clients[0]);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = Enumerable.Range(0, Contenders).Select(async i =>
        {
            await go.Task;
            var client = clients[i % clients.Count];
            return await client.PostAsJsonAsync($"/api/units/{unitId}/hold", new { expectedVersion = version, customerName = $"客户{i}", customerPhone = $"1380013{i:D4}" });
        }).ToList();
        go.SetResult();
        var results = await Task.WhenAll(racing);

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(Contenders - 1, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(["node1", "node2"], results.Select(r => r.Headers.GetValues("X-Realty-Node").Single()).Distinct().Order());
        await using var db = cluster.OpenDatabase();
        Assert.Equal(1, await db.Deals.CountAsync(d => d.UnitId == unitId && d.ClosedAt == null));
        Assert.Equal(1, await db.UnitEvents.CountAsync(e => e.UnitId == unitId && e.Version == version + 1));
        Assert.Equal(version + 1, (await db.Units.SingleAsync(u => u.Id == unitId)).Version);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ASignInOnOneNodeIsValidOnTheOther()
    {
        using var node1 = await cluster.ApiAsync(cluster.Node(1), Li);
        using var node2 = new HttpClient { BaseAddress = cluster.Node(2) };
        node2.DefaultRequestHeaders.Authorization = node1.DefaultRequestHeaders.Authorization;

        var projects = await node2.GetAsync("/api/projects");

        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
        Assert.Equal("node2", projects.Headers.GetValues("X-Realty-Node").Single());
    }

    [Fact]
    public async Task WhileRedisIsDownCommitsStayFastAndReachTheOtherNodeFromTheDatabase()
    {
        var page = await OpenWallAsync(await CreateWallAsync(cluster.Node(2)));
        var (unitId, code, version) = await AnAvailableUnitAsync(page);
        using var agent = await cluster.ApiAsync(cluster.Node(1), Zhao);
        await cluster.StopRedisAsync();
        try
        {
            var started = DateTime.UtcNow;
            var hold = await agent.PostAsJsonAsync($"/api/units/{unitId}/hold", new { expectedVersion = version, customerName = "赵敏的客户", customerPhone = "13900139000" });

            Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), $"The commit waited {DateTime.UtcNow - started} for Redis.");
            // The nodes compare their boards with the database every 2 s.
            await Expect(page.Cell(code)).ToHaveAttributeAsync("data-status", "held", new() { Timeout = 10_000 });
        }
        finally
        {
            await cluster.StartRedisAsync();
        }
        var (nextId, nextCode, nextVersion) = await AnAvailableUnitAsync(page);
        var after = await agent.PostAsJsonAsync($"/api/units/{nextId}/hold", new { expectedVersion = nextVersion, customerName = "赵敏的客户", customerPhone = "13900139001" });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await Expect(page.Cell(nextCode)).ToHaveAttributeAsync("data-status", "held", new() { Timeout = 10_000 });
        await page.Context.CloseAsync();
    }

    private async Task<Uri> CreateWallAsync(Uri node)
    {
        using var manager = await cluster.ApiAsync(node, Manager);
        var created = await manager.PostAsJsonAsync("/api/projects/1/display-links", new { name = "大厅电视" });
        created.EnsureSuccessStatusCode();
        return new Uri((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
    }

    private async Task<IPage> OpenWallAsync(Uri wall)
    {
        var context = await cluster.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, TimezoneId = "Asia/Shanghai" });
        var page = await context.NewPageAsync();
        // A long cycle keeps the first building on screen for the whole test.
        await page.GotoAsync(wall + "?cycle=600");
        await page.Locator("[data-wall=\"live\"]").WaitForAsync();
        await page.Locator("[data-circuit=\"ready\"]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private static async Task<(int Id, string Code, int Version)> AnAvailableUnitAsync(IPage page)
    {
        var cell = page.Locator("button[data-status=\"available\"]").Last;
        return (int.Parse((await cell.GetAttributeAsync("data-unit-id"))!), (await cell.GetAttributeAsync("data-unit-code"))!, int.Parse((await cell.GetAttributeAsync("data-version"))!));
    }

    private static async Task<(int Id, int Version)> AnAvailableUnitAsync(HttpClient api)
    {
        var units = await api.GetFromJsonAsync<List<JsonElement>>("/api/projects/1/units");
        var unit = units!.Last(u => u.GetProperty("status").GetString() == UnitStatus.Available.ToWire());
        return (unit.GetProperty("id").GetInt32(), unit.GetProperty("version").GetInt32());
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 5 s.");
            await Task.Delay(50);
        }
    }
}
