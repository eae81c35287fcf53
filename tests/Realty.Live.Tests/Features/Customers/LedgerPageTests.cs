using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

/// <summary>The customer ledger page (客户台帐): profile, timeline, adding entries, and who may see it.</summary>
public sealed class LedgerPageTests : BoardComponentTest
{
    private const string Hostile = "<script>alert('x')</script> 下周带父母来";
    private int _zhang;

    private CustomerService Registry => Services.GetRequiredService<CustomerService>();

    private LedgerService Ledger => Services.GetRequiredService<LedgerService>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var registered = await Registry.RegisterAsync(new RegisterCustomer(Project.Id, Customers.ZhangName, Customers.ZhangPhone, "户外广告", FirstContact.WalkIn), People.Wang);
        _zhang = Assert.IsType<RegisterResult.Registered>(registered).Customer.Id;
    }

    [Fact]
    public async Task AFollowUpWithANextDateGoesOnTopOfTheTimeline()
    {
        await Ledger.AddInteractionAsync(_zhang, new InteractionEntry(InteractionKind.WalkIn, "首次来访"), People.Wang);
        var page = await RenderLedgerAsync();

        page.Find("[data-kind='followup']").Click();
        page.Find("[data-field='note'] textarea, textarea[data-field='note']").Input("电话回访，周末再来");
        page.Find("[data-action='add-interaction']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(["followup", "walkin"], page.FindAll("[data-entry]").Select(e => e.GetAttribute("data-kind"))));
        Assert.Contains("电话回访，周末再来", page.Find("[data-entry] [data-note]").TextContent);
        Assert.Contains(People.Wang.Name, page.Find("[data-entry]").TextContent);
        Assert.NotNull(page.Find("[data-message='saved']"));
    }

    [Fact]
    public async Task TheCustomersDealStepsShareTheTimelineWithTheirContacts()
    {
        await Ledger.AddInteractionAsync(_zhang, new InteractionEntry(InteractionKind.WalkIn, "首次来访"), People.Wang);
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.IsType<CommandResult.Done>(await Units.ExecuteAsync(Project.UnitId("1#-501"), UnitAction.Hold, new UnitCommand(1, CustomerId: _zhang), People.Wang));

        var page = await RenderLedgerAsync();

        Assert.Equal(["hold", null], page.FindAll(".timeline > li").Select(e => e.GetAttribute("data-step")));
        Assert.Contains("1#-501", page.Find("[data-step='hold']").TextContent);
        Assert.Equal("interested", page.Find("[data-ledger]").GetAttribute("data-stage"));
    }

    [Fact]
    public async Task AHostileNoteIsStoredAsTypedAndShownAsText()
    {
        await Ledger.AddInteractionAsync(_zhang, new InteractionEntry(InteractionKind.Complaint, Hostile), People.Wang);

        var page = await RenderLedgerAsync();

        var note = page.Find("[data-note]");
        Assert.Equal(Hostile, note.TextContent);
        Assert.Empty(note.QuerySelectorAll("script"));
        Assert.Contains("&lt;script&gt;", note.InnerHtml);
    }

    [Fact]
    public async Task AShowingWithoutARatingIsExplainedAndAddsNothing()
    {
        var page = await RenderLedgerAsync();

        page.Find("[data-kind='showing']").Click();
        page.Find("[data-field='unit-code'] input, input[data-field='unit-code']").Change("1#-0801");
        page.Find("[data-action='add-interaction']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("ledger.satisfaction.range"), page.Find("[data-message='error']").TextContent.Trim()));
        Assert.NotNull(page.Find("[data-timeline-empty]"));
        await using var db = Database.Open();
        Assert.Equal(0, await db.CustomerInteractions.CountAsync());
    }

    [Fact]
    public async Task TheOwnerSeesTheIdNumberMaskedAndAManagerWhole()
    {
        await Ledger.UpdateProfileAsync(_zhang, new ProfileEdit("11010519491231002X", 3_000_000m, "C 128", null, "10–20"), People.Wang);

        var owners = await RenderLedgerAsync();
        Assert.Equal("110***********002X", owners.Find("[data-id-number]").TextContent);

        SignInAs(People.Chen);
        var managers = await RenderLedgerAsync();
        Assert.Equal("11010519491231002X", managers.Find("[data-id-number]").TextContent);
    }

    [Fact]
    public async Task EditingTheProfileKeepsTheStoredIdNumberWhenTheMaskedOneIsSentBack()
    {
        await Ledger.UpdateProfileAsync(_zhang, new ProfileEdit("11010519491231002X", null, null, null, null), People.Wang);
        var page = await RenderLedgerAsync();

        page.Find("[data-action='edit-profile']").Click();
        page.Find("[data-field='layouts'] input, input[data-field='layouts']").Change("B 105");
        page.Find("[data-action='save-profile']").Click();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-profile] dl")));
        await using var db = Database.Open();
        var saved = await db.Customers.SingleAsync();
        Assert.Equal(("11010519491231002X", "B 105"), (saved.IdNumber, saved.WantedLayouts));
    }

    [Fact]
    public async Task AnotherAgentIsToldWhoseCustomerItIsAndSeesNothing()
    {
        await Ledger.AddInteractionAsync(_zhang, new InteractionEntry(InteractionKind.FollowUp, "私密备注"), People.Wang);
        SignInAs(People.Li);

        var page = Render<LedgerPage>(p => p.Add(l => l.CustomerId, _zhang));

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("ledger.notYours", People.Wang.Name), page.Find("[data-message='refused']").TextContent.Trim()));
        Assert.DoesNotContain("私密备注", page.Markup);
        Assert.DoesNotContain(Customers.ZhangPhone, page.Markup);
    }

    [Fact]
    public async Task MyCustomersLinksToTheLedgerAndMarksOverdueFollowUps()
    {
        await Ledger.AddInteractionAsync(_zhang, new InteractionEntry(InteractionKind.FollowUp, "明天回电", NextFollowUp: new DateOnly(2026, 11, 23)), People.Wang);
        Clock.Advance(TimeSpan.FromDays(2));

        var list = Render<CustomersPage>();
        await list.WaitForElementAsync("[data-customer]");

        var row = list.Find($"[data-customer='{_zhang}']");
        Assert.Equal("true", row.GetAttribute("data-overdue"));
        Assert.Equal($"/customers/ledger/{_zhang}", row.QuerySelector("[data-ledger-link]")!.GetAttribute("href"));
        Assert.Contains("2026-11-23", row.QuerySelector("[data-next-follow-up]")!.TextContent);
    }

    private async Task<IRenderedComponent<LedgerPage>> RenderLedgerAsync()
    {
        var page = Render<LedgerPage>(p => p.Add(l => l.CustomerId, _zhang));
        await page.WaitForElementAsync("[data-ledger]");
        return page;
    }
}
