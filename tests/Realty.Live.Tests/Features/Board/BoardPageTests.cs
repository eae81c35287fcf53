using AngleSharp.Dom;
using Bunit;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Board;

public sealed class BoardPageTests : BoardComponentTest
{
    protected override ProjectBuilder Seed => base.Seed
        .With("1#-101", (unit, now) => unit.SignAtList(People.Li, Customers.Zhao, now));

    [Fact]
    public async Task ShowsTheFirstBuildingWithItsCellsCountsAndSellThrough()
    {
        var page = await RenderBoardAsync();

        Assert.Equal("1#", page.Find("table.board-grid").GetAttribute("data-building"));
        Assert.Equal(20, page.FindAll("[data-status]").Count);
        Assert.Equal(("signed", "2"), StatusOf(Cell(page, "1#-101")));
        Assert.Equal(("19", "1", "0"), (Count(page, "available"), Count(page, "signed"), Count(page, "held")));
        // 1 of the 23 units on sale is sold.
        Assert.Equal(L.T("board.sellThrough", 4.3m), page.Find("[data-sell-through]").TextContent);
    }

    [Fact]
    public async Task AHoldCommittedElsewhereRecoloursTheCellOnTheOpenBoard()
    {
        var page = await RenderBoardAsync();

        await HoldAsync("1#-501", People.Li);

        await page.WaitForAssertionAsync(() =>
        {
            Assert.Equal(("held", "2"), StatusOf(Cell(page, "1#-501")));
            Assert.Equal(("18", "1"), (Count(page, "available"), Count(page, "held")));
        });
    }

    [Fact]
    public async Task AChangeAppliedToTheSharedBoardStateReachesTheBoard()
    {
        var page = await RenderBoardAsync();

        await Boards.ApplyAsync(new UnitChanged(Project.Id, Project.UnitId("1#-1002"), "1#-1002", Project.Buildings["1#"], UnitAction.Subscribe, UnitStatus.Available, UnitStatus.Subscribed, 2, People.Wang.Name, Moments.Start));

        await page.WaitForAssertionAsync(() => Assert.Equal(("subscribed", "2"), StatusOf(Cell(page, "1#-1002"))));
    }

    [Fact]
    public async Task ATabShowsAnotherBuilding()
    {
        var page = await RenderBoardAsync();

        page.Find("[data-building-tab='2#']").Click();

        Assert.Equal("2#", page.Find("table.board-grid").GetAttribute("data-building"));
        Assert.Equal(["2#-301", "2#-201", "2#-101"], page.FindAll("[data-unit-code]").Select(c => c.GetAttribute("data-unit-code")));
        Assert.Equal("3", Count(page, "available"));
        Assert.Equal(("false", "true"), (page.Find("[data-building-tab='1#']").GetAttribute("aria-selected"), page.Find("[data-building-tab='2#']").GetAttribute("aria-selected")));
    }

    [Fact]
    public async Task TheLegendFiltersByStatus()
    {
        var page = await RenderBoardAsync();

        page.Find("[data-filter-status='signed']").Click();

        Assert.Equal("true", page.Find("[data-filter-status='signed']").GetAttribute("aria-pressed"));
        Assert.Equal("false", page.Find("[data-filter-status='held']").GetAttribute("aria-pressed"));
        Assert.Equal(["1#-101"], page.FindAll("[data-unit-code]:not(.dim)").Select(c => c.GetAttribute("data-unit-code")));
    }

    [Fact]
    public async Task TappingACellOpensItsSheetWhichFollowsLaterChanges()
    {
        var page = await RenderBoardAsync();

        Cell(page, "1#-501").Click();
        await page.WaitForAssertionAsync(() => Assert.Equal("available", page.Find("[data-sheet='1#-501'] [data-sheet-status]").GetAttribute("data-sheet-status")));
        await HoldAsync("1#-501", People.Li);

        await page.WaitForAssertionAsync(() => Assert.Equal("held", page.Find("[data-sheet='1#-501'] [data-sheet-status]").GetAttribute("data-sheet-status")));
    }

    [Fact]
    public async Task ClosingTheBoardStopsListening()
    {
        await RenderBoardAsync();
        Assert.Equal(1, Boards.ListenerCount(Project.Id));

        await DisposeComponentsAsync();

        Assert.Equal(0, Boards.ListenerCount(Project.Id));
    }

    private async Task<IRenderedComponent<BoardPage>> RenderBoardAsync()
    {
        var page = Render<BoardPage>();
        await page.WaitForElementAsync("[data-unit-code]");
        return page;
    }

    private static IElement Cell(IRenderedComponent<BoardPage> page, string code) => page.Find($"[data-unit-code='{code}']");

    private static (string?, string?) StatusOf(IElement cell) => (cell.GetAttribute("data-status"), cell.GetAttribute("data-version"));

    private static string Count(IRenderedComponent<BoardPage> page, string status) => page.Find($"[data-count='{status}']").TextContent;
}
