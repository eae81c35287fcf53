using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Realtime;

public sealed class ProjectBoardTests
{
    private const int Building = 7;

    [Fact]
    public void AChangeToAUnitTheBoardDoesNotHaveIsIgnored()
    {
        var board = ABoard(units: 2);

        Assert.False(board.Apply(Change(unitId: 99, version: 2)));

        Assert.Equal(2, board.Counts()[(int)UnitStatus.Available]);
        Assert.Empty(board.Ticker());
    }

    [Fact]
    public void TheTickerKeepsTheLatestThirtyNewestFirst()
    {
        var board = ABoard(units: 40);

        for (var id = 1; id <= 40; id++)
        {
            Assert.True(board.Apply(Change(id, version: 2)));
        }

        var ticker = board.Ticker();
        Assert.Equal(ProjectBoard.TickerLength, ticker.Count);
        Assert.Equal(40, ticker[0].UnitId);
        Assert.Equal(11, ticker[^1].UnitId);
        Assert.Equal(40, board.Counts(Building)[(int)UnitStatus.Held]);
    }

    [Fact]
    public void AnUnknownBuildingCountsNothing()
    {
        Assert.All(ABoard(units: 3).Counts(buildingId: 12345), count => Assert.Equal(0, count));
    }

    [Fact]
    public void ReadersGetCopiesThatLaterChangesDoNotAlter()
    {
        var board = ABoard(units: 1);
        var counts = board.Counts();
        var cells = board.Cells();

        board.Apply(Change(1, version: 2));

        Assert.Equal(1, counts[(int)UnitStatus.Available]);
        Assert.Equal(UnitStatus.Available, Assert.Single(cells).Status);
        Assert.Equal(UnitStatus.Held, board.Cell(1)!.Status);
    }

    private static ProjectBoard ABoard(int units)
    {
        var cells = Enumerable.Range(1, units)
            .Select(id => new UnitCell(id, $"1#-{id}01", Building, id, "01", "A", 89m, 3_600_000m, UnitStatus.Available, 1))
            .ToList();
        var grid = new BuildingGrid(Building, "1#", [.. cells.Select(c => c.Floor).OrderDescending()], ["01"], cells.ToDictionary(c => (c.Floor, c.Stack), c => c.Id));
        return new ProjectBoard(1, "滨江花园", [grid], cells, []);
    }

    private static UnitChanged Change(int unitId, int version) =>
        new(1, unitId, $"1#-{unitId}01", Building, UnitAction.Hold, UnitStatus.Available, UnitStatus.Held, version, People.Wang.Name, Moments.Start);
}
