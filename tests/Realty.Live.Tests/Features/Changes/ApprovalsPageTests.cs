using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Changes;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Changes;

public sealed class ApprovalsPageTests : BoardComponentTest
{
    private const string Unit = "1#-501";

    public ApprovalsPageTests() => SignInAs(People.Chen);

    private ChangeService Changes => Services.GetRequiredService<ChangeService>();

    [Fact]
    public async Task ARequestMadeElsewhereArrivesInTheInboxLiveWithTheRefundItWouldMake()
    {
        await SubscribeAsync();
        var page = await RenderApprovalsAsync();
        Assert.NotNull(page.Find("[data-inbox-empty]"));

        await RequestCancelAsync();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-request]")));
        var row = page.Find("[data-request]");
        Assert.Equal("cancel", row.GetAttribute("data-kind"));
        Assert.Contains(Unit, row.TextContent);
        Assert.Contains(People.Wang.Name, row.TextContent);
        Assert.Contains(Customers.ZhaoName, row.TextContent);
        // The earnest taken at the subscription (the project's default) comes back in full.
        Assert.Equal(L.T("approvals.refund", L.Money(Terms.Earnest)), row.QuerySelector("[data-money]")!.TextContent);
        Assert.Equal(L.T("approvals.inbox", 1), page.Find("[data-tab='inbox']").TextContent);
    }

    [Fact]
    public async Task ApprovingTakesTheRequestOutOfTheInboxAndIntoTheLog()
    {
        await SubscribeAsync();
        var request = await RequestCancelAsync();
        var page = await RenderApprovalsAsync();

        page.Find($"[data-request='{request.Id}'] [data-field='note']").Input("同意退房");
        page.Find($"[data-request='{request.Id}'] [data-action='approve']").Click();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-inbox-empty]")));
        page.Find("[data-tab='log']").Click();
        // The log loads from the database after the tab is shown.
        await page.WaitForElementAsync($"[data-logged='{request.Id}']");
        var logged = page.Find($"[data-logged='{request.Id}']");
        Assert.Equal("approved", logged.GetAttribute("data-status"));
        Assert.Equal(L.Money(-Terms.Earnest), logged.QuerySelector("[data-money]")!.TextContent);
        Assert.Equal("同意退房", logged.QuerySelector("[data-decision-note]")!.TextContent);
        Assert.Contains(People.Chen.Name, logged.TextContent);
        Assert.Equal("available", (await Units.GetAsync(Project.UnitId(Unit), People.Chen))!.Status);
    }

    [Fact]
    public async Task RejectingWithoutANoteIsExplainedAndTheRequestWaitsOn()
    {
        await SubscribeAsync();
        var request = await RequestCancelAsync();
        var page = await RenderApprovalsAsync();

        page.Find($"[data-request='{request.Id}'] [data-action='reject']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("change.note.required"), page.Find("[data-message='error']").TextContent.Trim()));
        Assert.NotNull(page.Find($"[data-request='{request.Id}']"));
        Assert.Equal(nameof(RequestStatus.Pending), Assert.Single(await Changes.PendingAsync(Project.Id)).Status);
    }

    [Fact]
    public async Task ARequestDecidedAtAnotherDeskLeavesTheInboxLive()
    {
        await SubscribeAsync();
        var request = await RequestCancelAsync();
        var page = await RenderApprovalsAsync();
        Assert.NotNull(page.Find($"[data-request='{request.Id}']"));

        await Changes.WithdrawAsync(request.Id, request.Version, People.Wang);

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-inbox-empty]")));
    }

    [Fact]
    public async Task TheLogFiltersByStatusAndText()
    {
        await SubscribeAsync();
        var withdrawn = await RequestCancelAsync();
        await Changes.WithdrawAsync(withdrawn.Id, withdrawn.Version, People.Wang);
        var pending = await RequestCancelAsync();
        var page = await RenderApprovalsAsync();
        page.Find("[data-tab='log']").Click();
        Assert.Equal([pending.Id.ToString(), withdrawn.Id.ToString()], page.FindAll("[data-logged]").Select(r => r.GetAttribute("data-logged")));

        page.Find("[data-field='log-filter']").Input("2#");

        Assert.NotNull(page.Find("[data-log-empty]"));
        page.Find("[data-field='log-filter']").Input(Unit);
        Assert.Equal(2, page.FindAll("[data-logged]").Count);
    }

    [Fact]
    public async Task AnAgentFollowsTheirOwnRequestAndSeesTheDecisionArrive()
    {
        SignInAs(People.Wang);
        await SubscribeAsync();
        var request = await RequestCancelAsync();
        var page = await RenderApprovalsAsync();
        Assert.Empty(page.FindAll("[data-tab]"));
        var row = page.Find($"[data-logged='{request.Id}']");
        Assert.Equal("pending", row.GetAttribute("data-status"));
        Assert.NotNull(row.QuerySelector("[data-action='withdraw']"));

        await Changes.RejectAsync(request.Id, request.Version, "客户未到场", People.Chen);

        await page.WaitForAssertionAsync(() => Assert.Equal("rejected", page.Find($"[data-logged='{request.Id}']").GetAttribute("data-status")));
        Assert.Equal("客户未到场", page.Find($"[data-logged='{request.Id}'] [data-decision-note]").TextContent);
        Assert.Empty(page.FindAll("[data-action='withdraw']"));
    }

    [Fact]
    public async Task AnAgentWithdrawsTheirPendingRequest()
    {
        SignInAs(People.Wang);
        await SubscribeAsync();
        var request = await RequestCancelAsync();
        var page = await RenderApprovalsAsync();

        page.Find($"[data-logged='{request.Id}'] [data-action='withdraw']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("withdrawn", page.Find($"[data-logged='{request.Id}']").GetAttribute("data-status")));
        Assert.Empty(await Changes.PendingAsync(Project.Id));
    }

    [Fact]
    public async Task AnAgentDoesNotSeeAnotherAgentsRequests()
    {
        SignInAs(People.Li);
        await SubscribeAsync();
        await RequestCancelAsync();

        var page = await RenderApprovalsAsync();

        Assert.Empty(page.FindAll("[data-logged]"));
        Assert.NotNull(page.Find("[data-log-empty]"));
    }

    [Fact]
    public async Task AnAgentAsksToCancelADealFromThePage()
    {
        SignInAs(People.Wang);
        await SubscribeAsync();
        var page = await RenderApprovalsAsync();

        page.Find("[data-action='open-request-form']").Click();
        page.Find($"[data-pick-unit='{Unit}']").Click();
        await page.WaitForAssertionAsync(() => Assert.Equal(
            ["changeunit", "cancel", "rename", "price"], page.FindAll("[data-kind-option]").Select(b => b.GetAttribute("data-kind-option"))));
        page.Find("[data-kind-option='cancel']").Click();
        page.Find("[data-field='forfeit']").Change(true);
        page.Find("[data-field='change-reason']").Input("客户资金不足");
        page.Find("[data-action='request-change']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("pending", page.Find("[data-logged]").GetAttribute("data-status")));
        page.Find("[data-action='open-request-form']").Click();
        Assert.True(page.Find($"[data-pick-unit='{Unit}']").HasAttribute("disabled"));
        var request = Assert.Single(await Changes.PendingAsync(Project.Id));
        Assert.Equal((nameof(ChangeKind.Cancel), "客户资金不足", true, People.Wang.Name), (request.Kind, request.Reason, request.ForfeitEarnest, request.RequestedBy));
    }

    [Fact]
    public async Task AnAgentAsksToMoveTheDealToAnotherUnit()
    {
        SignInAs(People.Wang);
        await SubscribeAsync();
        var page = await RenderApprovalsAsync();

        page.Find("[data-action='open-request-form']").Click();
        page.Find($"[data-pick-unit='{Unit}']").Click();
        await page.WaitForElementAsync("[data-kind-option='changeunit']");
        page.Find("[data-kind-option='changeunit']").Click();
        page.Find("[data-field='target-unit']").Input("1#-601");
        page.Find("[data-field='change-reason']").Input("客户想换高一层");
        page.Find("[data-action='request-change']").Click();

        await page.WaitForAssertionAsync(() => Assert.Contains($"{Unit} → 1#-601", page.Find("[data-logged] [data-proposal]").TextContent));
        Assert.Equal("1#-601", Assert.Single(await Changes.PendingAsync(Project.Id)).TargetUnitCode);
    }

    [Fact]
    public async Task AnUnknownTargetUnitIsExplainedAndNothingIsAsked()
    {
        SignInAs(People.Wang);
        await SubscribeAsync();
        var page = await RenderApprovalsAsync();

        page.Find("[data-action='open-request-form']").Click();
        page.Find($"[data-pick-unit='{Unit}']").Click();
        await page.WaitForElementAsync("[data-kind-option='changeunit']");
        page.Find("[data-kind-option='changeunit']").Click();
        page.Find("[data-field='target-unit']").Input("9#-999");
        page.Find("[data-field='change-reason']").Input("客户想换楼");
        page.Find("[data-action='request-change']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("changeForm.targetUnknown", "9#-999"), page.Find("[data-message='request-error']").TextContent.Trim()));
        Assert.Empty(await Changes.PendingAsync(Project.Id));
    }

    [Fact]
    public async Task AnAgentWithManyDealsNarrowsThemByTyping()
    {
        SignInAs(People.Wang);
        var codes = Enumerable.Range(1, 10).Select(f => $"1#-{f}01").Concat(Enumerable.Range(1, 4).Select(f => $"1#-{f}02")).ToList();
        foreach (var code in codes)
        {
            await Units.ExecuteAsync(Project.UnitId(code), UnitAction.Subscribe, new UnitCommand(1, Customers.ZhaoName, Customers.ZhaoPhone, PlanId: Project.OneOffPlanId), People.Wang);
        }
        var page = await RenderApprovalsAsync();
        page.Find("[data-action='open-request-form']").Click();
        Assert.Equal(12, page.FindAll("[data-pick-unit]").Count);
        Assert.Equal(L.T("changeForm.more", 2), page.Find("[data-more-deals]").TextContent);

        page.Find("[data-field='deal-filter']").Input("1#-100");

        Assert.Equal(["1#-1001"], page.FindAll("[data-pick-unit]").Select(b => b.GetAttribute("data-pick-unit")));
        Assert.Empty(page.FindAll("[data-more-deals]"));
    }

    [Fact]
    public async Task ALinkWithAUnitStartsTheRequestFromIt()
    {
        SignInAs(People.Wang);
        await SubscribeAsync();
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/approvals?unit={Project.UnitId(Unit)}");

        var page = await RenderApprovalsAsync();

        await page.WaitForAssertionAsync(() => Assert.Equal("true", page.Find($"[data-pick-unit='{Unit}']").GetAttribute("aria-pressed")));
        Assert.Equal(4, page.FindAll("[data-kind-option]").Count);
        Assert.Empty(page.FindAll("[data-action='request-change']"));
    }

    /// <summary>王芳 subscribes her customer to the unit at the desk: the earnest is taken.</summary>
    private async Task SubscribeAsync()
    {
        var result = await Units.ExecuteAsync(
            Project.UnitId(Unit), UnitAction.Subscribe, new UnitCommand(1, Customers.ZhaoName, Customers.ZhaoPhone, PlanId: Project.OneOffPlanId), People.Wang);
        Assert.IsType<CommandResult.Done>(result);
    }

    private async Task<ChangeView> RequestCancelAsync()
    {
        var version = (await Units.GetAsync(Project.UnitId(Unit), People.Wang))!.Version;
        var result = await Changes.RequestAsync(Project.UnitId(Unit), new ChangeCommand(version, ChangeKind.Cancel, "客户资金不足"), People.Wang);
        return Assert.IsType<ChangeResult.Done>(result).Request;
    }

    private async Task<IRenderedComponent<ApprovalsPage>> RenderApprovalsAsync()
    {
        var page = Render<ApprovalsPage>();
        await page.WaitForAssertionAsync(() => Assert.True(page.FindAll("[data-inbox], [data-log]").Count > 0));
        return page;
    }
}
