using AngleSharp.Dom;
using Bunit;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Board;

public sealed class BoardGridTests : BoardComponentTest
{
    protected override ProjectBuilder Seed => base.Seed
        .With("1#-101", (unit, now) => unit.SignAtList(People.Li, Customers.Zhao, now))
        .With("1#-502", (unit, now) => unit.Hold(People.Wang, Customers.Zhang, now, TimeSpan.FromMinutes(30)));

    [Fact]
    public async Task RendersFloorsTopDownAndStacksLeftToRight()
    {
        var grid = await RenderGridAsync();

        Assert.Equal("1#", grid.Find("table").GetAttribute("data-building"));
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(f => f.ToString()), grid.FindAll("tbody th.floor-col").Select(th => th.TextContent));
        Assert.Equal(["1#-1001", "1#-1002", "1#-901"], grid.FindAll("[data-unit-code]").Take(3).Select(c => c.GetAttribute("data-unit-code")));
    }

    [Fact]
    public async Task EveryCellCarriesItsUnitsIdStatusAndVersion()
    {
        var grid = await RenderGridAsync();

        Assert.Equal(20, grid.FindAll("[data-unit-id]").Count);
        Assert.Equal(("signed", "2"), StatusOf(Cell(grid, "1#-101")));
        Assert.Equal(("held", "2"), StatusOf(Cell(grid, "1#-502")));
        Assert.Equal(("available", "1"), StatusOf(Cell(grid, "1#-501")));
        Assert.Equal(Project.UnitId("1#-501").ToString(), Cell(grid, "1#-501").GetAttribute("data-unit-id"));
        Assert.Contains("s-signed", Cell(grid, "1#-101").ClassList);
    }

    [Fact]
    public async Task RendersOnlyTheFloorsItIsGiven()
    {
        var grid = await RenderGridAsync(p => p.Add(g => g.Floors, [2, 1]));

        Assert.Equal(["1#-201", "1#-202", "1#-101", "1#-102"], grid.FindAll("[data-unit-code]").Select(c => c.GetAttribute("data-unit-code")));
    }

    [Fact]
    public async Task RedrawsWhenTheRevisionMovesAndNotBefore()
    {
        var grid = await RenderGridAsync();
        var board = (await Boards.GetAsync(Project.Id))!;
        board.Apply(new UnitChanged(Project.Id, Project.UnitId("1#-501"), "1#-501", Project.Buildings["1#"], UnitAction.Sign, UnitStatus.Available, UnitStatus.Signed, 2, People.Wang.Name, Moments.Start));

        grid.Render(p => p.Add(g => g.Revision, 0));
        var before = StatusOf(Cell(grid, "1#-501"));
        grid.Render(p => p.Add(g => g.Revision, 1));

        Assert.Equal(("available", "1"), before);
        Assert.Equal(("signed", "2"), StatusOf(Cell(grid, "1#-501")));
    }

    [Fact]
    public async Task AStatusFilterDimsEveryOtherUnit()
    {
        var grid = await RenderGridAsync(p => p.Add(g => g.StatusFilter, new HashSet<UnitStatus> { UnitStatus.Signed, UnitStatus.Held }));

        var lit = grid.FindAll("[data-unit-code]").Where(c => !c.ClassList.Contains("dim")).Select(c => c.GetAttribute("data-unit-code"));
        Assert.Equal(["1#-502", "1#-101"], lit);
    }

    [Fact]
    public async Task ALayoutFilterDimsOtherLayouts()
    {
        var grid = await RenderGridAsync(p => p.Add(g => g.LayoutFilter, "B"));

        Assert.All(grid.FindAll("[data-unit-code]"), c => Assert.Equal(c.GetAttribute("data-unit-code")!.EndsWith("01"), c.ClassList.Contains("dim")));
    }

    [Fact]
    public async Task TheSelectedAndRecentUnitsStandOut()
    {
        var grid = await RenderGridAsync(p => p
            .Add(g => g.SelectedUnitId, Project.UnitId("1#-301"))
            .Add(g => g.Recent, new HashSet<int> { Project.UnitId("1#-702") }));

        Assert.Equal(["1#-301"], grid.FindAll(".cell.selected").Select(c => c.GetAttribute("data-unit-code")));
        Assert.Equal(["1#-702"], grid.FindAll(".cell.recent").Select(c => c.GetAttribute("data-unit-code")));
    }

    [Fact]
    public async Task TappingACellReportsItsUnit()
    {
        int? picked = null;
        var grid = await RenderGridAsync(p => p.Add(g => g.OnSelect, id => picked = id));

        Cell(grid, "1#-702").Click();

        Assert.Equal(Project.UnitId("1#-702"), picked);
    }

    private async Task<IRenderedComponent<BoardGrid>> RenderGridAsync(Action<ComponentParameterCollectionBuilder<BoardGrid>>? parameters = null)
    {
        var board = (await Boards.GetAsync(Project.Id))!;
        return Render<BoardGrid>(p =>
        {
            p.Add(g => g.Board, board).Add(g => g.Building, board.Buildings[0]).Add(g => g.Revision, 0);
            parameters?.Invoke(p);
        });
    }

    private static IElement Cell(IRenderedComponent<BoardGrid> grid, string code) => grid.Find($"[data-unit-code='{code}']");

    private static (string?, string?) StatusOf(IElement cell) => (cell.GetAttribute("data-status"), cell.GetAttribute("data-version"));
}
