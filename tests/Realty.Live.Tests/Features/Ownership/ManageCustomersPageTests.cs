using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>The manager's page: Wang registered 张伟 and 赵丽, and Li tried 张伟's mobile too.</summary>
public sealed class ManageCustomersPageTests : BoardComponentTest
{
    private int _zhang;
    private int _zhao;

    public ManageCustomersPageTests() => SignInAs(People.Chen);

    private CustomerService Registry => Services.GetRequiredService<CustomerService>();

    private async Task SeedCustomersAsync()
    {
        await Database.AddStaffAsync([People.Wang, People.Li, People.Chen, Staff.Zhou]);
        _zhang = await Registry.RegisterAsync(Project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        _zhao = await Registry.RegisterAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, People.Wang);
        await Registry.AttemptAsync(Database, Project.Id, "张先生", Customers.ZhangPhone, People.Li);
    }

    [Fact]
    public async Task DismissingARefusedRegistrationShowsWhoResolvedItAndTheOwnerStays()
    {
        await SeedCustomersAsync();
        var page = await RenderPageAsync();
        var row = page.Find("[data-attempt]");
        Assert.Equal(("true", People.Wang.Name), (row.GetAttribute("data-open"), row.QuerySelector("[data-owner]")!.TextContent));

        page.Find("[data-attempt] [data-field='note']").Input("王芳先接待");
        page.Find("[data-attempt] [data-action='dismiss']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("false", page.Find("[data-attempt]").GetAttribute("data-open")));
        Assert.Equal(L.T("duplicate.dismissed"), page.Find("[data-message='done']").TextContent.Trim());
        Assert.Contains(People.Chen.Name, page.Find("[data-resolved]").TextContent);
        Assert.Equal("王芳先接待", page.Find("[data-resolution-note]").TextContent);
        Assert.Equal(People.Wang.Id, (await Database.CustomerAsync(_zhang)).OwnerId);
    }

    [Fact]
    public async Task KeepingOneOfTwoSameNameRecordsMergesTheOtherAfterConfirmation()
    {
        await SeedCustomersAsync();
        var second = await Registry.RegisterAsync(Project.Id, Customers.ZhangName, "13700001111", People.Li);
        var page = await RenderPageAsync();

        page.Find($"[data-same-name='{Customers.ZhangName}'] [data-record='{_zhang}'] [data-action='keep']").Click();
        Assert.Equal(2, await CountCustomersNamedZhangAsync());
        page.Find($"[data-record='{_zhang}'] [data-action='confirm-keep']").Click();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-same-name-empty]")));
        Assert.Equal(L.T("merge.done", Customers.ZhangName, "13700001111", Customers.ZhangName, Customers.ZhangPhone), page.Find("[data-message='done']").TextContent.Trim());
        Assert.NotNull(page.Find("[data-merge='13700001111']"));
        Assert.Equal(1, await CountCustomersNamedZhangAsync());
        Assert.DoesNotContain(second, (await Registry.ListAsync(Project.Id, new CustomerFilter(), People.Chen)).Select(c => c.Id));
    }

    private async Task<int> CountCustomersNamedZhangAsync()
    {
        await using var db = Database.Open();
        return await db.Customers.CountAsync(c => c.Name == Customers.ZhangName);
    }

    [Fact]
    public async Task SelectedCustomersAreTransferredWithTheReasonAndTheLogShowsIt()
    {
        await SeedCustomersAsync();
        var page = await RenderPageAsync();
        page.Find("[data-tab='transfers']").Click();
        await page.WaitForElementAsync($"[data-transfer-customer='{_zhao}']");

        page.Find($"[data-transfer-customer='{_zhao}'] [data-select]").Change(true);
        await ChooseAsync(page, "to-agent", Staff.Zhou.Id);
        page.Find("[data-field='transfer-reason']").Input("王芳休假");
        page.Find("[data-action='transfer-selected']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("transfer.done", 1, Staff.Zhou.Name), page.Find("[data-message='done']").TextContent.Trim()));
        var line = page.Find("[data-transfer]");
        Assert.Equal("agent", line.GetAttribute("data-kind"));
        Assert.Equal($"{People.Wang.Name} → {Staff.Zhou.Name}", line.QuerySelector("[data-from-to]")!.TextContent);
        Assert.Equal("王芳休假", line.QuerySelector("[data-reason]")!.TextContent);
        Assert.Equal(Staff.Zhou.Name, page.Find($"[data-transfer-customer='{_zhao}'] [data-owner]").TextContent);
        Assert.Equal(People.Wang.Id, (await Database.CustomerAsync(_zhang)).OwnerId);
    }

    [Fact]
    public async Task ATransferWithoutAReasonIsExplainedAndMovesNobody()
    {
        await SeedCustomersAsync();
        var page = await RenderPageAsync();
        page.Find("[data-tab='transfers']").Click();
        await page.WaitForElementAsync("[data-action='select-all']");

        page.Find("[data-action='select-all']").Change(true);
        await ChooseAsync(page, "to-agent", Staff.Zhou.Id);
        page.Find("[data-action='transfer-selected']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("transfer.reason.required"), page.Find("[data-message='error']").TextContent.Trim()));
        Assert.Equal("2", page.Find("[data-selected-count]").GetAttribute("data-selected-count"));
        await using var db = Database.Open();
        Assert.Equal([People.Wang.Id], await db.Customers.Select(c => c.OwnerId).Distinct().ToListAsync());
        Assert.Empty(page.FindAll("[data-transfer]"));
    }

    [Fact]
    public async Task ThePoolSettingsAreSavedAndABadValueIsExplained()
    {
        var page = await RenderPageAsync();
        page.Find("[data-tab='pool']").Click();
        await page.WaitForElementAsync("[data-field='idle-days']");

        page.Find("[data-field='idle-days']").Input("5");
        page.Find("[data-field='claims-per-day']").Input("3");
        page.Find("[data-action='save-pool']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("pool.saved"), page.Find("[data-message='done']").TextContent.Trim()));
        var pool = Services.GetRequiredService<PoolService>();
        Assert.Equal(new PoolSettingsView(5, 3), await pool.SettingsAsync(Project.Id));

        page.Find("[data-field='idle-days']").Input("400");
        page.Find("[data-action='save-pool']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("pool.idleDays.range", PoolRule.MaxIdleDays), page.Find("[data-message='error']").TextContent.Trim()));
        Assert.Equal(new PoolSettingsView(5, 3), await pool.SettingsAsync(Project.Id));
    }

    [Fact]
    public async Task ChannelsAreAddedAndAChannelInUseIsRetired()
    {
        await SeedCustomersAsync();
        var page = await RenderPageAsync();
        page.Find("[data-tab='channels']").Click();
        await page.WaitForElementAsync("[data-channel]");

        page.Find("[data-field='channel-name']").Input("抖音");
        page.Find("[data-action='add-channel']").Click();
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-channel='抖音']")));

        page.Find($"[data-channel='{OwnershipSetup.Channel}'] [data-action='remove']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("true", page.Find($"[data-channel='{OwnershipSetup.Channel}']").GetAttribute("data-retired")));
        Assert.Equal("2", page.Find($"[data-channel='{OwnershipSetup.Channel}'] [data-count]").TextContent);
        Assert.DoesNotContain(OwnershipSetup.Channel, await Registry.ChannelsAsync(Project.Id));
        Assert.Equal(OwnershipSetup.Channel, (await Database.CustomerAsync(_zhao)).Channel);
    }

    private static async Task ChooseAsync(IRenderedComponent<ManageCustomersPage> page, string field, string value)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.TryGetValue("data-field", out var f) && Equals(f, field));
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private async Task<IRenderedComponent<ManageCustomersPage>> RenderPageAsync()
    {
        var page = Render<ManageCustomersPage>();
        await page.WaitForElementAsync("[data-manage-customers]");
        return page;
    }
}
