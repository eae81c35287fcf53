using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Realty.Live.E2E.Cluster;

/// <summary>A cluster of its own: this test kills one of its nodes.</summary>
public sealed class FailoverCluster : ClusterFixture;

/// <summary>Runs alone, after the others: it measures a time against a bound, which a busy machine would skew.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FailoverCollection : ICollectionFixture<FailoverCluster>
{
    public const string Name = "cluster failover";
}

[Collection(FailoverCollection.Name)]
public sealed class FailoverTests(FailoverCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task WhenTheNodeOfAWallDiesTheWallShowsTheTruthThroughTheOtherNodeWithinFiveSeconds()
    {
        using var manager = await cluster.ApiAsync(cluster.Node(2), CrossNodeTests.Manager);
        var created = await manager.PostAsJsonAsync("/api/projects/1/display-links", new { name = "大厅电视" });
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!.Split('/')[^1];
        var stickyToNode1 = await StickyKeyForAsync("node1");
        var context = await cluster.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, TimezoneId = "Asia/Shanghai" });
        await context.AddCookiesAsync([new() { Name = "realty_node", Value = stickyToNode1, Domain = "127.0.0.1", Path = "/" }]);
        var page = await context.NewPageAsync();
        var served = await page.GotoAsync(new Uri(cluster.Proxy, $"/wall/{token}?cycle=600").ToString());
        Assert.Equal("node1", served!.Headers["x-realty-node"]);
        await page.Locator("[data-circuit=\"ready\"]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var cell = page.Locator("button[data-status=\"available\"]").First;
        var (unitId, code, version) = (int.Parse((await cell.GetAttributeAsync("data-unit-id"))!), (await cell.GetAttributeAsync("data-unit-code"))!, int.Parse((await cell.GetAttributeAsync("data-version"))!));
        using var agent = await cluster.ApiAsync(cluster.Node(2), CrossNodeTests.Wang);

        var clock = Stopwatch.StartNew();
        await cluster.KillNodeAsync(1);
        var hold = await agent.PostAsJsonAsync($"/api/units/{unitId}/hold", new { expectedVersion = version, customerName = "张伟", customerPhone = "13800138000" });

        Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
        await Expect(page.Locator($"button[data-unit-code=\"{code}\"]")).ToHaveAttributeAsync("data-status", "held", new() { Timeout = 5_000 });
        output.WriteLine($"The wall showed the truth through node 2 {clock.ElapsedMilliseconds} ms after node 1 was killed.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The wall needed {clock.Elapsed} to come back.");
        await Expect(page.Locator("[data-wall=\"live\"]")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    /// <summary>A value of the sticky cookie that nginx sends to the given node.</summary>
    private async Task<string> StickyKeyForAsync(string node)
    {
        using var http = new HttpClient { BaseAddress = cluster.Proxy };
        for (var i = 0; i < 100; i++)
        {
            var key = $"tv-{i}";
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
            request.Headers.Add("Cookie", $"realty_node={key}");
            using var response = await http.SendAsync(request);
            if (response.Headers.GetValues("X-Realty-Node").Single() == node)
            {
                return key;
            }
        }
        throw new InvalidOperationException($"No sticky key leads to {node}.");
    }
}
