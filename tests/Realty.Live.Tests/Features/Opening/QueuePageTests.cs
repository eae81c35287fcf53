using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Opening;

public sealed class QueuePageTests : BoardComponentTest
{
    public QueuePageTests() => SignInAs(People.Chen);

    private OpeningService Opening => Services.GetRequiredService<OpeningService>();

    [Fact]
    public async Task IssuingANumberShowsItInTheListWithTheDefaultDeposit()
    {
        var page = await RenderQueueAsync();

        page.Find("[data-field='buyer-name']").Input(Customers.ZhangName);
        page.Find("[data-field='buyer-phone']").Input(Customers.ZhangPhone);
        page.Find("[data-action='issue-ticket']").Click();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-issued-ticket='1']")));
        var row = page.Find("[data-ticket='1']");
        Assert.Contains(Customers.ZhangName, row.TextContent);
        Assert.Contains(L.Money(50_000m), row.TextContent);
        Assert.Equal(("active", "false", "0"), (row.GetAttribute("data-ticket-status"), row.GetAttribute("data-called"), row.GetAttribute("data-deals")));
        Assert.Equal("1", page.Find("[data-issued]").TextContent);
        Assert.Equal("", page.Find("[data-field='buyer-name']").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task ABadMobileNumberIsExplainedAndIssuesNothing()
    {
        var page = await RenderQueueAsync();

        page.Find("[data-field='buyer-name']").Input(Customers.ZhangName);
        page.Find("[data-field='buyer-phone']").Input("12345");
        page.Find("[data-action='issue-ticket']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("customer.phone.invalid", "12345"), page.Find("[data-message='error']").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-ticket]"));
        Assert.Equal("0", page.Find("[data-issued]").TextContent);
    }

    [Fact]
    public async Task ACallMadeAtAnotherDeskShowsTheCalledBatchLive()
    {
        await Opening.SetModeAsync(Project.Id, OpeningMode.Live, People.Chen);
        for (var i = 0; i < 3; i++)
        {
            await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Wang);
        }
        var page = await RenderQueueAsync();
        Assert.Equal(("live", "", "0"), (page.Find("[data-queue]").GetAttribute("data-mode"), page.Find("[data-called-batch]").GetAttribute("data-called-batch"), page.Find("[data-called-up-to]").TextContent));

        await Opening.CallNextAsync(Project.Id, 2, People.Chen);

        await page.WaitForAssertionAsync(() =>
        {
            Assert.Equal("1,2", page.Find("[data-called-batch]").GetAttribute("data-called-batch"));
            Assert.Equal("1–2", page.Find("[data-called-range]").TextContent);
            Assert.Equal("2", page.Find("[data-called-up-to]").TextContent);
            Assert.Equal(["true", "true", "false"], page.FindAll("[data-ticket]").Select(r => r.GetAttribute("data-called")));
        });
    }

    [Fact]
    public async Task TheManagerCallsTheNextNumbersFromThePage()
    {
        await Opening.SetModeAsync(Project.Id, OpeningMode.Live, People.Chen);
        for (var i = 0; i < 4; i++)
        {
            await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Wang);
        }
        var page = await RenderQueueAsync();

        page.Find("[data-field='call-count']").Change("3");
        page.Find("[data-action='call-next']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("1,2,3", page.Find("[data-called-batch]").GetAttribute("data-called-batch")));
        Assert.Equal([1, 2, 3], (await Opening.StateAsync(Project.Id))!.LatestCall);
    }

    [Fact]
    public async Task CallingBeforeTheOpeningIsNotOffered()
    {
        await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Wang);

        var page = await RenderQueueAsync();

        Assert.Equal("off", page.Find("[data-queue]").GetAttribute("data-mode"));
        Assert.True(page.Find("[data-action='call-next']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SwitchingToRehearsalShowsItsOwnEmptyQueueAndTheWipe()
    {
        await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Wang);
        var page = await RenderQueueAsync();
        Assert.Empty(page.FindAll("[data-action='wipe-rehearsal']"));

        page.Find("[data-set-mode='rehearsal']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("rehearsal", page.Find("[data-queue]").GetAttribute("data-mode")));
        Assert.Empty(page.FindAll("[data-ticket]"));
        Assert.NotNull(page.Find("[data-action='wipe-rehearsal']"));
        Assert.Equal(OpeningMode.Rehearsal.ToString(), (await Opening.StateAsync(Project.Id))!.Mode);
    }

    [Fact]
    public async Task WipingTheRehearsalAsksFirstThenClearsItsNumbers()
    {
        await Opening.SetModeAsync(Project.Id, OpeningMode.Rehearsal, People.Chen);
        await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Wang);
        var dialogs = Render<MudDialogProvider>();
        var page = await RenderQueueAsync();
        Assert.Single(page.FindAll("[data-ticket]"));

        page.Find("[data-action='wipe-rehearsal']").Click();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains(L.T("queue.wipeConfirm"), dialogs.Markup));
        Button(dialogs, L.T("queue.wipe")).Click();

        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[data-ticket]")));
        Assert.Equal(0, (await Opening.StateAsync(Project.Id))!.Issued);
    }

    [Fact]
    public async Task RefundingAsksFirstThenShowsTheNumberRefunded()
    {
        await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, 30_000m, People.Wang);
        var dialogs = Render<MudDialogProvider>();
        var page = await RenderQueueAsync();

        page.Find("[data-ticket='1'] [data-action='refund']").Click();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains(L.T("queue.refundConfirm", L.Money(30_000m), Customers.ZhaoName, 1), dialogs.Markup));
        Button(dialogs, L.T("queue.refund")).Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("refunded", page.Find("[data-ticket='1']").GetAttribute("data-ticket-status")));
        Assert.Empty(page.FindAll("[data-ticket='1'] [data-action='refund']"));
        Assert.Equal(nameof(TicketStatus.Refunded), (await Opening.TicketsAsync(Project.Id)).Single().Status);
    }

    [Fact]
    public async Task CancellingTheRefundKeepsTheDeposit()
    {
        await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Wang);
        var dialogs = Render<MudDialogProvider>();
        var page = await RenderQueueAsync();

        page.Find("[data-ticket='1'] [data-action='refund']").Click();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains(L.T("dialog.cancel"), dialogs.Markup));
        Button(dialogs, L.T("dialog.cancel")).Click();

        await dialogs.WaitForAssertionAsync(() => Assert.DoesNotContain(L.T("dialog.cancel"), dialogs.Markup));
        Assert.Equal("active", page.Find("[data-ticket='1']").GetAttribute("data-ticket-status"));
        Assert.Equal(nameof(TicketStatus.Active), (await Opening.TicketsAsync(Project.Id)).Single().Status);
    }

    [Fact]
    public async Task AnAgentSeesOnlyTheirOwnBuyersNumbersAndNoManagerControls()
    {
        SignInAs(People.Wang);
        await Opening.SetModeAsync(Project.Id, OpeningMode.Live, People.Chen);
        await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Li);
        await Opening.IssueAsync(Project.Id, Customers.ZhangName, Customers.ZhangPhone, null, People.Wang);

        var page = await RenderQueueAsync();

        Assert.Equal(("139****5678", Customers.ZhangPhone), (page.Find("[data-ticket='1'] [data-phone]").TextContent, page.Find("[data-ticket='2'] [data-phone]").TextContent));
        Assert.Empty(page.FindAll("[data-ticket='1'] [data-action='refund']"));
        Assert.NotNull(page.Find("[data-ticket='2'] [data-action='refund']"));
        Assert.Empty(page.FindAll("[data-action='call-next'], [data-set-mode], [data-action='wipe-rehearsal']"));
        Assert.NotNull(page.Find("[data-action='issue-ticket']"));
    }

    [Fact]
    public async Task ADealOnANumberShowsOnItsRowLive()
    {
        await Opening.SetModeAsync(Project.Id, OpeningMode.Live, People.Chen);
        await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Wang);
        await Opening.CallNextAsync(Project.Id, 1, People.Chen);
        var page = await RenderQueueAsync();
        Assert.Equal("0", page.Find("[data-ticket='1']").GetAttribute("data-deals"));

        await Units.ExecuteAsync(Project.UnitId("1#-301"), UnitAction.Hold, new(1, Customers.ZhaoName, Customers.ZhaoPhone, TicketNumber: 1), People.Wang);

        await page.WaitForAssertionAsync(() => Assert.Equal("1", page.Find("[data-ticket='1']").GetAttribute("data-deals")));
        Assert.Empty(page.FindAll("[data-ticket='1'] [data-action='refund']"));
    }

    private async Task<IRenderedComponent<QueuePage>> RenderQueueAsync()
    {
        var page = Render<QueuePage>();
        await page.WaitForElementAsync("[data-queue]");
        return page;
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
