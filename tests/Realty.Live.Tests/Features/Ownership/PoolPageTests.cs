using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>Li's view of the pool: Wang's 张伟 and 赵丽 went there after a day without follow-up; one claim a day.</summary>
public sealed class PoolPageTests : BoardComponentTest
{
    private int _zhang;
    private int _zhao;

    public PoolPageTests() => SignInAs(People.Li);

    private async Task PoolTwoCustomersAsync()
    {
        await Database.SetPoolAsync(Project.Id, idleDays: 1, claimsPerDay: 1);
        var registry = Services.GetRequiredService<CustomerService>();
        _zhang = await registry.RegisterAsync(Project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        _zhao = await registry.RegisterAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, People.Wang);
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await Services.GetRequiredService<PoolJob>().RunAsync());
    }

    [Fact]
    public async Task AnAgentSeesMaskedNumbersClaimsOneAndSeesItsNumber()
    {
        await PoolTwoCustomersAsync();
        var page = await RenderPageAsync();
        Assert.Equal(["138****8000", "139****5678"], page.FindAll("[data-pool-customer] [data-phone]").Select(p => p.TextContent));
        Assert.Equal("1", page.Find("[data-claims-left]").GetAttribute("data-claims-left"));

        page.Find($"[data-pool-customer='{_zhang}'] [data-action='claim']").Click();

        await page.WaitForAssertionAsync(() =>
            Assert.Equal(L.T("pool.claimedByYou", Customers.ZhangName, Customers.ZhangPhone), page.Find("[data-message='claimed']").TextContent.Trim()));
        Assert.Equal([_zhao.ToString()], page.FindAll("[data-pool-customer]").Select(r => r.GetAttribute("data-pool-customer")));
        Assert.Equal("0", page.Find("[data-claims-left]").GetAttribute("data-claims-left"));
        Assert.True(page.Find($"[data-pool-customer='{_zhao}'] [data-action='claim']").HasAttribute("disabled"));
        Assert.Equal(People.Li.Id, (await Database.CustomerAsync(_zhang)).OwnerId);
    }

    [Fact]
    public async Task ACustomerSomeoneElseClaimedFirstIsExplainedAndLeavesTheList()
    {
        await PoolTwoCustomersAsync();
        var page = await RenderPageAsync();
        await Services.GetRequiredService<PoolService>().ClaimAsync(_zhang, People.Wang);

        page.Find($"[data-pool-customer='{_zhang}'] [data-action='claim']").Click();

        await page.WaitForAssertionAsync(() =>
            Assert.Equal(L.T("pool.claimed", Customers.ZhangName, People.Wang.Name), page.Find("[data-message='error']").TextContent.Trim()));
        Assert.Equal([_zhao.ToString()], page.FindAll("[data-pool-customer]").Select(r => r.GetAttribute("data-pool-customer")));
        Assert.Equal(People.Wang.Id, (await Database.CustomerAsync(_zhang)).OwnerId);
    }

    [Fact]
    public async Task AnEmptyPoolSaysSo()
    {
        var page = await RenderPageAsync();

        Assert.NotNull(page.Find("[data-pool-empty]"));
        Assert.Equal(L.T("pool.off"), page.Find("[data-pool-rule]").TextContent.Trim());
    }

    private async Task<IRenderedComponent<PoolPage>> RenderPageAsync()
    {
        var page = Render<PoolPage>();
        await page.WaitForElementAsync("[data-pool-rule]");
        return page;
    }
}
