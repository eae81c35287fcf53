using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

public sealed class CustomersPageTests : BoardComponentTest
{
    public CustomersPageTests() => SignInAs(People.Li);

    private CustomerService Registry => Services.GetRequiredService<CustomerService>();

    [Fact]
    public async Task RegisteringAWalkInAddsThemToMyCustomers()
    {
        var page = await RenderPageAsync();

        Register(page, Customers.ZhaoName, "139-1234-5678");

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-message='registered']")));
        var row = page.Find("[data-customer]");
        Assert.Contains(Customers.ZhaoName, row.TextContent);
        Assert.Equal(Customers.ZhaoPhone, row.QuerySelector("[data-phone]")!.TextContent);
        Assert.Equal(("potential", "true"), (row.GetAttribute("data-stage"), row.GetAttribute("data-mine")));
    }

    [Fact]
    public async Task AMobileAnotherAgentRegisteredIsRefusedWithTheOwnerNamedAndChangesNothing()
    {
        await Registry.RegisterAsync(new RegisterCustomer(Project.Id, Customers.ZhangName, Customers.ZhangPhone, "户外广告", FirstContact.WalkIn), People.Wang);
        var page = await RenderPageAsync();

        Register(page, "张先生", "+86 138 0013 8000");

        await page.WaitForAssertionAsync(() =>
        {
            var refusal = page.Find("[data-message='duplicate']");
            Assert.Equal(People.Wang.Name, refusal.GetAttribute("data-owner"));
            Assert.Contains(L.T("customer.duplicate", People.Wang.Name, L.Time(Clock.GetUtcNow().UtcDateTime, "MM-dd")), refusal.TextContent);
        });
        Assert.Empty(page.FindAll("[data-customer]"));
        await using var db = Database.Open();
        Assert.Equal(People.Wang.Id, (await db.Customers.SingleAsync()).OwnerId);
        Assert.Equal(People.Li.Id, (await db.DuplicateAttempts.SingleAsync()).AttemptedById);
    }

    [Fact]
    public async Task APossibleDuplicateIsRegisteredOnlyAfterTheAgentConfirms()
    {
        await Registry.RegisterAsync(new RegisterCustomer(Project.Id, Customers.ZhangName, Customers.ZhangPhone, "户外广告", FirstContact.WalkIn), People.Wang);
        var page = await RenderPageAsync();

        Register(page, Customers.ZhangName, Customers.ZhaoPhone);

        await page.WaitForAssertionAsync(() => Assert.Contains("138****8000", page.Find("[data-message='possible-duplicate']").TextContent));
        Assert.Empty(page.FindAll("[data-customer]"));

        page.Find("[data-action='confirm-register']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(Customers.ZhaoPhone, page.Find("[data-customer] [data-phone]").TextContent));
    }

    [Fact]
    public async Task AMalformedMobileIsExplainedAndRegistersNobody()
    {
        var page = await RenderPageAsync();

        Register(page, Customers.ZhaoName, "139-1234-567");

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("customer.phone.invalid", "139-1234-567"), page.Find("[data-message='error']").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-customer]"));
        await using var db = Database.Open();
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task AnAgentSeesOnlyTheirOwnCustomersAndAManagerEveryoneWithFullNumbers()
    {
        await Registry.RegisterAsync(new RegisterCustomer(Project.Id, Customers.ZhangName, Customers.ZhangPhone, "户外广告", FirstContact.WalkIn), People.Wang);
        await Registry.RegisterAsync(new RegisterCustomer(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, "老带新", FirstContact.Call), People.Li);

        var agentPage = await RenderPageAsync();
        Assert.Equal([Customers.ZhaoPhone], agentPage.FindAll("[data-customer] [data-phone]").Select(p => p.TextContent));

        SignInAs(People.Chen);
        var managerPage = await RenderPageAsync();
        Assert.Equal([Customers.ZhaoPhone, Customers.ZhangPhone], managerPage.FindAll("[data-customer] [data-phone]").Select(p => p.TextContent));
        Assert.Contains(People.Wang.Name, managerPage.Find($"[data-customer]:last-child").TextContent);
    }

    private static void Register(IRenderedComponent<CustomersPage> page, string name, string mobile)
    {
        page.Find("[data-field='customer-name']").Input(name);
        page.Find("[data-field='customer-mobile']").Input(mobile);
        page.Find("[data-action='register-customer']").Click();
    }

    private async Task<IRenderedComponent<CustomersPage>> RenderPageAsync()
    {
        var page = Render<CustomersPage>();
        await page.WaitForElementAsync("[data-register-form]");
        return page;
    }
}
