using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Replay;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Replay;

public sealed class ReplayPageTests : BoardComponentTest
{
    protected override ProjectBuilder Seed => ReplayHistory.Project;

    [Fact]
    public async Task OpensOnYesterdaysMidnightWithTheBoardAsItStoodThen()
    {
        var page = await RenderReplayAsync();

        Assert.Equal("00:00:00", Shown(page));
        Assert.Contains(L.Date(ReplayHistory.Day), page.Find(".replay-date").TextContent);
        Assert.Equal("held", Status(page, "1#-101"));
        Assert.Equal("unreleased", Status(page, "1#-201"));
        // Withheld on the stroke of midnight: already played, and in the ticker.
        Assert.Equal("withheld", Status(page, "1#-402"));
        Assert.Equal(["1#-402"], TickerUnits(page));
        Assert.Equal("1", page.Find("[data-count='withheld']").TextContent);
    }

    [Fact]
    public async Task StepsThroughTheDayEventByEvent()
    {
        var page = await RenderReplayAsync();

        page.Find("[data-action='next']").Click();

        Assert.Equal("00:01:00", Shown(page));
        Assert.Equal("subscribed", Status(page, "1#-101"));
        Assert.Contains("recent", Cell(page, "1#-101").ClassList);
        Assert.Equal(["1#-101", "1#-402"], TickerUnits(page));
        Assert.Contains(L.Action(Web.Domain.UnitAction.Subscribe), page.Find("[data-ticker] li").TextContent);
        Assert.Contains(People.Wang.Name, page.Find("[data-ticker] li").TextContent);

        page.Find("[data-action='next']").Click();

        Assert.Equal("11:00:00", Shown(page));
        Assert.Equal(("available", "held"), (Status(page, "1#-202"), Status(page, "1#-601")));
        Assert.Equal(["1#-601", "1#-202", "1#-101", "1#-402"], TickerUnits(page));
        Assert.Equal(["1#-202", "1#-601"], page.FindAll(".cell.recent").Select(c => c.GetAttribute("data-unit-code")).Order());
        Assert.True(page.Find("[data-action='next']").HasAttribute("disabled"));
        Assert.Equal("4", page.Find("[data-played]").GetAttribute("data-played"));
    }

    [Fact]
    public async Task PlaysAtTheChosenSpeedAsTimeGoesByAndPauses()
    {
        var page = await RenderReplayAsync();
        page.Find("[data-speed='60']").Click();
        Assert.Equal("true", page.Find("[data-speed='60']").GetAttribute("aria-pressed"));

        page.Find("[data-action='play']").Click();
        Clock.Advance(TimeSpan.FromSeconds(1));

        await page.WaitForAssertionAsync(() => Assert.Equal("00:01:00", Shown(page)));
        Assert.Equal("subscribed", Status(page, "1#-101"));

        page.Find("[data-action='pause']").Click();
        Clock.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(100);

        Assert.Equal("00:01:00", Shown(page));
        Assert.Single(page.FindAll("[data-action='play']"));
    }

    [Fact]
    public async Task PlayingEventByEventTakesOneEventASecondAndStopsAfterTheLast()
    {
        var page = await RenderReplayAsync();
        page.Find("[data-speed='event']").Click();
        page.Find("[data-action='play']").Click();

        Clock.Advance(TimeSpan.FromSeconds(1));
        await page.WaitForAssertionAsync(() => Assert.Equal("00:01:00", Shown(page)));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await page.WaitForAssertionAsync(() => Assert.Equal("11:00:00", Shown(page)));
        Clock.Advance(TimeSpan.FromSeconds(1));

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("[data-action='play']")));
        Assert.Equal("11:00:00", Shown(page));
    }

    [Fact]
    public async Task TheSliderMovesToAnyTimeOfTheDayBackwardsToo()
    {
        var page = await RenderReplayAsync();

        page.Find("[data-scrub]").Input("43200");
        Assert.Equal(("12:00:00", "subscribed", "available"), (Shown(page), Status(page, "1#-101"), Status(page, "1#-202")));

        page.Find("[data-scrub]").Input("30");
        Assert.Equal(("00:00:30", "held", "held"), (Shown(page), Status(page, "1#-101"), Status(page, "1#-202")));
        Assert.Equal(["1#-402"], TickerUnits(page));
    }

    [Fact]
    public async Task ATabShowsAnotherBuildingOfTheSameMoment()
    {
        var page = await RenderReplayAsync();

        page.Find("[data-building-tab='2#']").Click();

        Assert.Equal("2#", page.Find("table.board-grid").GetAttribute("data-building"));
        Assert.Equal("unreleased", Status(page, "2#-101"));
    }

    [Fact]
    public async Task TheBuildingAndDayOfTheLinkAreShown()
    {
        var page = await RenderReplayAsync($"&building={Project.Buildings["2#"]}&day=2026-11-20");

        Assert.Equal("2#", page.Find("table.board-grid").GetAttribute("data-building"));
        Assert.Contains(L.Date(ReplayHistory.Day.AddDays(-1)), page.Find(".replay-date").TextContent);
    }

    [Fact]
    public async Task AnAgentIsToldThatOnlyManagersReplay()
    {
        SignInAs(People.Wang);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/replay?project={Project.Id}");

        var page = Render<ReplayPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("replay.managerOnly"), page.Find("[data-message='replay']").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-unit-code]"));
    }

    [Fact]
    public async Task TheBoardLinksManagersToTheReplayOfItsBuilding()
    {
        SignInAs(People.Chen);
        var board = Render<Web.Features.Board.BoardPage>();
        await board.WaitForElementAsync("[data-unit-code]");
        board.Find("[data-building-tab='2#']").Click();

        Assert.Equal($"/replay?project={Project.Id}&building={Project.Buildings["2#"]}", board.Find("[data-action='replay']").GetAttribute("href"));
    }

    [Fact]
    public async Task AgentsGetNoReplayLinkOnTheBoard()
    {
        SignInAs(People.Wang);
        var board = Render<Web.Features.Board.BoardPage>();
        await board.WaitForElementAsync("[data-unit-code]");

        Assert.Empty(board.FindAll("[data-action='replay']"));
    }

    private async Task<IRenderedComponent<ReplayPage>> RenderReplayAsync(string query = "")
    {
        SignInAs(People.Chen);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/replay?project={Project.Id}{query}");
        var page = Render<ReplayPage>();
        await page.WaitForElementAsync("[data-unit-code]");
        return page;
    }

    private static string? Shown(IRenderedComponent<ReplayPage> page) => page.Find("[data-clock]").GetAttribute("data-clock");

    private static IElement Cell(IRenderedComponent<ReplayPage> page, string code) => page.Find($"[data-unit-code='{code}']");

    private static string? Status(IRenderedComponent<ReplayPage> page, string code) => Cell(page, code).GetAttribute("data-status");

    private static IEnumerable<string?> TickerUnits(IRenderedComponent<ReplayPage> page) =>
        page.FindAll("[data-ticker] li").Select(li => li.GetAttribute("data-event-unit"));
}
