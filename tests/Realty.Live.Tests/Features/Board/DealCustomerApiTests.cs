using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Board;

/// <summary>The demo's customers through the unit API: 王芳's own, 李强's, and the demo deals' buyers.</summary>
public sealed class DealCustomerApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    [Fact]
    public async Task AHoldWithTheAgentsOwnCustomerIdIsForThatCustomerWhoBecomesInterested()
    {
        var customer = await WalkInOfAsync("王芳");
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang);

        var response = await client.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerId = customer.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unit = await client.UnitAsync(listed.Id);
        Assert.Equal((customer.Name, customer.Mobile), (unit.Deal!.CustomerName, unit.Deal.CustomerPhone));
        await using var db = await DbAsync();
        Assert.Equal(FunnelStage.Interested, (await db.Customers.SingleAsync(c => c.Id == customer.Id)).Stage);
        Assert.Equal(customer.Id, (await db.Deals.SingleAsync(d => d.UnitId == listed.Id && d.ClosedAt == null)).CustomerId);
    }

    [Fact]
    public async Task AHoldWithAnotherAgentsCustomerIdIsRefusedWithTheOwnerNamed()
    {
        var customer = await WalkInOfAsync("李强");
        var listed = await app.TakeUnitAsync("available");
        using var client = await app.ClientAsync(Wang, "zh-CN");

        var response = await client.ActAsync(listed.Id, "hold", new { expectedVersion = listed.Version, customerId = customer.Id });

        Assert.Equal("该客户属于 李强，只有其本人或销售经理可以为其成交。", await response.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(("available", listed.Version), ((await client.UnitAsync(listed.Id)).Status, (await client.UnitAsync(listed.Id)).Version));
        await using var db = await DbAsync();
        Assert.Equal(FunnelStage.Potential, (await db.Customers.SingleAsync(c => c.Id == customer.Id)).Stage);
    }

    [Fact]
    public async Task EveryDemoDealIsForACustomerOfItsAgentAtTheStageOfTheirDeals()
    {
        await using var db = await DbAsync();
        // The other tests of the class add deals only for their own agents' customers.
        var seeded = await db.Deals.AsNoTracking()
            .Where(d => d.ClosedAt == null)
            .Join(db.Customers, d => d.CustomerId, c => c.Id, (d, c) => new { d.AgentId, d.CustomerName, d.Stage, c.OwnerId, c.Name, c.Id })
            .ToListAsync();
        var unlinked = await db.Deals.CountAsync(d => d.CustomerId == null);

        Assert.Equal(0, unlinked);
        Assert.True(seeded.Count > 100, $"only {seeded.Count} demo deals");
        Assert.All(seeded, d => Assert.Equal((d.AgentId, d.Name), (d.OwnerId, d.CustomerName)));
        var stages = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Stage);
        Assert.All(seeded.GroupBy(d => d.Id), g => Assert.Equal(g.Max(d => Customer.StageOf(d.Stage)), stages[g.Key]));
        Assert.Contains(FunnelStage.Potential, stages.Values);
        Assert.True(await db.CustomerInteractions.CountAsync() > seeded.Count);
    }

    /// <summary>A demo walk-in of the agent's with no deal yet, not used by another test of the class.</summary>
    private async Task<Customer> WalkInOfAsync(string ownerName)
    {
        await using var db = await DbAsync();
        var linked = db.Deals.Where(d => d.CustomerId != null).Select(d => d.CustomerId);
        var candidates = await db.Customers.AsNoTracking()
            .Where(c => c.OwnerName == ownerName && c.Stage == FunnelStage.Potential && !linked.Contains(c.Id))
            .OrderBy(c => c.Id).ToListAsync();
        Assert.NotEmpty(candidates);
        return candidates[0];
    }

    private Task<RealtyDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<RealtyDbContext>>().CreateDbContextAsync();
}
