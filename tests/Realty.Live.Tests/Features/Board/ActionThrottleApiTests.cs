using System.Net;
using Microsoft.AspNetCore.Hosting;
using Realty.Live.Tests.Support;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Board;

/// <summary>The demo app with limits small enough to reach in a test: three actions per agent, two per buyer, a minute.</summary>
public sealed class ThrottledAppFactory : RealtyAppFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimits:AgentPerMinute", "3");
        builder.UseSetting("RateLimits:BuyerPerMinute", "2");
    }
}

public sealed class ActionThrottleApiTests(ThrottledAppFactory app) : IClassFixture<ThrottledAppFactory>
{
    [Fact]
    public async Task AnAgentFiringActionsFasterThanAPersonGets429WithWhenToRetryAndChangesNothing()
    {
        var units = new[] { await app.TakeUnitAsync("available"), await app.TakeUnitAsync("available"), await app.TakeUnitAsync("available"), await app.TakeUnitAsync("available") };
        using var client = await app.ClientAsync(Wang, "en");

        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.ActAsync(units[i].Id, "hold", new { expectedVersion = units[i].Version, customerName = $"客户{i}", customerPhone = $"1390000000{i}" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        var refused = await client.ActAsync(units[3].Id, "hold", new { expectedVersion = units[3].Version, customerName = "客户3", customerPhone = "13900000003" });

        Assert.Matches(@"^Too many actions from this account in a minute: wait \d+ s and try again\.$", await refused.DetailAsync(HttpStatusCode.TooManyRequests));
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.Equal(("available", units[3].Version), await StatusAsync(units[3].Id));
    }

    [Fact]
    public async Task OneBuyerTriedThroughSeveralAccountsIsSlowedDownInTheirLanguage()
    {
        var first = await app.TakeUnitAsync("available");
        var second = await app.TakeUnitAsync("available");
        var third = await app.TakeUnitAsync("available");
        using var li = await app.ClientAsync(Li);
        using var manager = await app.ClientAsync(Manager, "zh-CN");

        Assert.Equal(HttpStatusCode.OK, (await li.ActAsync(first.Id, "hold", new { expectedVersion = first.Version, customerName = "黄牛", customerPhone = "13700137000" })).StatusCode);
        // The same number typed another way is the same buyer.
        Assert.Equal(HttpStatusCode.OK, (await li.ActAsync(second.Id, "hold", new { expectedVersion = second.Version, customerName = "黄牛", customerPhone = "+86 137-0013-7000" })).StatusCode);
        var refused = await manager.ActAsync(third.Id, "hold", new { expectedVersion = third.Version, customerName = "黄牛", customerPhone = "137 0013 7000" });

        Assert.StartsWith("该购房人一分钟内尝试次数过多", await refused.DetailAsync(HttpStatusCode.TooManyRequests));
        Assert.Equal(("available", third.Version), await StatusAsync(third.Id));
    }

    private async Task<(string, int)> StatusAsync(int unitId)
    {
        // Reading is not limited: boards and sheets poll freely.
        using var finance = await app.ClientAsync(Finance);
        var unit = await finance.UnitAsync(unitId);
        return (unit.Status, unit.Version);
    }
}
