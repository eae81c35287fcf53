using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Customers;

namespace Realty.Live.Tests.Features.Board;

/// <summary>The unit sheet's customer picker, as 王芳 uses it on her tablet.</summary>
public sealed class UnitSheetCustomerTests : BoardComponentTest
{
    private readonly CustomerDraft _draft = new();

    private CustomerService Registry => Services.GetRequiredService<CustomerService>();

    [Fact]
    public async Task PickingOneOfMyCustomersFoundAsITypeHoldsTheUnitForThem()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await RegisterAsync("张敏", "13600001111", People.Li);
        var sheet = await OpenAsync("1#-501");

        sheet.Find("[data-field='customer-search']").Input("张");
        var option = await sheet.WaitForElementAsync($"[data-customer-option='{zhang}']");
        // 李强's 张敏 is his: not offered.
        Assert.Single(sheet.FindAll("[data-customer-option]"));
        option.Click();
        Assert.Equal(Customers.ZhangPhone, sheet.Find($"[data-picked-customer='{zhang}'] [data-picked-phone]").TextContent);
        sheet.Find("[data-action='hold']").Click();

        await sheet.WaitForAssertionAsync(() => Assert.Equal("held", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status")));
        Assert.Equal(Customers.ZhangName, sheet.Find("[data-deal] strong").TextContent);
        Assert.Equal((zhang, FunnelStage.Interested), await LinkAsync("1#-501"));
        Assert.Null(_draft.Customer);
    }

    [Fact]
    public async Task AManagerFindsEveryAgentsCustomers()
    {
        SignInAs(People.Chen);
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var zhangMin = await RegisterAsync("张敏", "13600001111", People.Li);
        await RegisterAsync(Customers.ZhaoName, Customers.ZhaoPhone, People.Li);
        var sheet = await OpenAsync("1#-501");

        sheet.Find("[data-field='customer-search']").Input("张");

        await sheet.WaitForAssertionAsync(() => Assert.Equal(
            [zhang.ToString(), zhangMin.ToString()],
            sheet.FindAll("[data-customer-option]").Select(o => o.GetAttribute("data-customer-option")!).Order()));
    }

    [Fact]
    public async Task ANewCustomerTypedInIsRegisteredAsMineAndTheUnitHeldForThem()
    {
        var sheet = await OpenAsync("1#-501");
        sheet.Find("[data-field='customer-name']").Input("王先生");
        sheet.Find("[data-field='customer-phone']").Input("139 1234 5678");
        sheet.Find("[data-first-contact='call']").Click();

        sheet.Find("[data-action='hold']").Click();

        await sheet.WaitForAssertionAsync(() => Assert.Equal("held", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status")));
        await using var db = Database.Open();
        var customer = await db.Customers.SingleAsync();
        Assert.Equal(("王先生", "13912345678", People.Wang.Id, FirstContact.Call, ProjectChannel.Defaults[0], FunnelStage.Interested),
            (customer.Name, customer.Mobile, customer.OwnerId, customer.FirstContact, customer.Channel, customer.Stage));
        Assert.Equal((customer.Id, FunnelStage.Interested), await LinkAsync("1#-501"));
    }

    [Fact]
    public async Task TypingAnotherAgentsCustomerIsRefusedWithTheOwnerNamedLoggedAndNothingHeld()
    {
        await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Li);
        var sheet = await OpenAsync("1#-501");
        sheet.Find("[data-field='customer-name']").Input("张先生");
        sheet.Find("[data-field='customer-phone']").Input(Customers.ZhangPhone);

        sheet.Find("[data-action='hold']").Click();

        var error = await sheet.WaitForElementAsync("[data-message='error']");
        Assert.Contains(People.Li.Name, error.TextContent);
        Assert.Equal("available", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status"));
        await using var db = Database.Open();
        Assert.Equal(People.Wang.Id, (await db.DuplicateAttempts.SingleAsync()).AttemptedById);
        Assert.False(await db.Deals.AnyAsync());
        Assert.Equal(("张先生", Customers.ZhangPhone), (_draft.Name, _draft.Phone));
    }

    [Fact]
    public async Task ANamesakeWithAnotherNumberAsksFirstAndConfirmingRegistersAndHolds()
    {
        await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Li);
        var sheet = await OpenAsync("1#-501");
        sheet.Find("[data-field='customer-name']").Input(Customers.ZhangName);
        sheet.Find("[data-field='customer-phone']").Input("13900000003");

        sheet.Find("[data-action='hold']").Click();
        var asked = await sheet.WaitForElementAsync("[data-message='possible-duplicate']");
        Assert.Contains(People.Li.Name, asked.TextContent);
        Assert.Equal("available", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status"));
        sheet.Find("[data-action='confirm-register']").Click();

        await sheet.WaitForAssertionAsync(() => Assert.Equal("held", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status")));
        await using var db = Database.Open();
        var mine = await db.Customers.SingleAsync(c => c.OwnerId == People.Wang.Id);
        Assert.Equal("13900000003", mine.Mobile);
        Assert.Equal((mine.Id, FunnelStage.Interested), await LinkAsync("1#-501"));
    }

    [Fact]
    public async Task TakingAStepWithNoCustomerSaysToPickOrRegisterOne()
    {
        var sheet = await OpenAsync("1#-501");

        sheet.Find("[data-action='hold']").Click();

        var error = await sheet.WaitForElementAsync("[data-message='error']");
        Assert.Equal(Web.Localization.L.T("sheet.customer.required"), error.TextContent.Trim());
        Assert.Equal("available", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status"));
    }

    private async Task<int> RegisterAsync(string name, string mobile, Actor agent) =>
        Assert.IsType<RegisterResult.Registered>(await Registry.RegisterAsync(new RegisterCustomer(Project.Id, name, mobile, ProjectChannel.Defaults[0], FirstContact.WalkIn), agent)).Customer.Id;

    private async Task<(int? CustomerId, FunnelStage? Stage)> LinkAsync(string code)
    {
        await using var db = Database.Open();
        var customerId = await db.Deals.Where(d => d.UnitId == Project.UnitId(code) && d.ClosedAt == null).Select(d => d.CustomerId).SingleAsync();
        return (customerId, await db.Customers.Where(c => c.Id == customerId).Select(c => (FunnelStage?)c.Stage).SingleOrDefaultAsync());
    }

    private async Task<IRenderedComponent<UnitSheet>> OpenAsync(string code)
    {
        var sheet = Render<UnitSheet>(p => p
            .Add(s => s.UnitId, Project.UnitId(code))
            .Add(s => s.CellVersion, 1)
            .Add(s => s.Draft, _draft)
            .Add(s => s.OnPick, _ => { })
            .Add(s => s.OnClose, () => { }));
        await sheet.WaitForElementAsync("[data-sheet-status]");
        return sheet;
    }
}
