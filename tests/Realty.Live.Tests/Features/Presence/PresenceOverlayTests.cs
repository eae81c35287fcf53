using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Presence;

namespace Realty.Live.Tests.Features.Presence;

public sealed class PresenceOverlayTests : BoardComponentTest
{
    private const string Unit = "1#-501";

    private PresenceTracker Presence => Services.GetRequiredService<PresenceTracker>();

    [Fact]
    public async Task OpeningASheetOnOneBoardShowsTheCountOnAnotherWithTheOverlayOn()
    {
        var wangs = await RenderBoardAsync();
        SignInAs(People.Li);
        var lis = await RenderBoardAsync();
        lis.Find("[data-presence-toggle]").Click();
        Assert.Equal("0", Viewers(lis, Unit));

        await OpenAsync(wangs, Unit);
        Flush();
        await lis.WaitForAssertionAsync(() => Assert.Equal("1", Viewers(lis, Unit)));
        Assert.Equal("1", lis.Find($"[data-unit-code='{Unit}'] [data-viewers-badge]").TextContent);
        Assert.Contains("heat-1", lis.Find($"[data-unit-code='{Unit}']").ClassList);

        await OpenAsync(lis, Unit);
        Flush();
        await lis.WaitForAssertionAsync(() => Assert.Equal("2", Viewers(lis, Unit)));
        Assert.Contains("heat-2", lis.Find($"[data-unit-code='{Unit}']").ClassList);

        wangs.Find("[data-action='close']").Click();
        await wangs.WaitForAssertionAsync(() => Assert.Empty(wangs.FindAll("[data-sheet]")));
        Flush();
        await lis.WaitForAssertionAsync(() => Assert.Equal("1", Viewers(lis, Unit)));
    }

    [Fact]
    public async Task MovingToAnotherUnitMovesTheHeat()
    {
        var board = await RenderBoardAsync();
        board.Find("[data-presence-toggle]").Click();

        await OpenAsync(board, Unit);
        Flush();
        await board.WaitForAssertionAsync(() => Assert.Equal("1", Viewers(board, Unit)));
        await OpenAsync(board, "1#-502");
        Flush();

        await board.WaitForAssertionAsync(() => Assert.Equal(("0", "1"), (Viewers(board, Unit), Viewers(board, "1#-502"))));
        Assert.Single(board.FindAll("[data-viewers-badge]"));
    }

    [Fact]
    public async Task ABoardThatClosesTakesItsLookAlong()
    {
        var board = await RenderBoardAsync();
        await OpenAsync(board, Unit);
        Assert.Equal(1, Presence.Counts(Project.Id)[Project.UnitId(Unit)]);

        await DisposeComponentsAsync();

        Assert.Empty(Presence.Counts(Project.Id));
    }

    [Fact]
    public async Task AManagerCheckingAUnitAddsNoHeat()
    {
        SignInAs(People.Chen);
        var board = await RenderBoardAsync();

        await OpenAsync(board, Unit);

        Assert.Empty(Presence.Counts(Project.Id));
    }

    [Fact]
    public async Task TheOverlayIsOffUntilToggledAndGoesAgainWhenToggledOff()
    {
        var board = await RenderBoardAsync();
        Assert.Empty(board.FindAll("[data-viewers]"));
        Assert.Equal("false", board.Find("[data-presence-toggle]").GetAttribute("aria-pressed"));

        board.Find("[data-presence-toggle]").Click();
        Assert.Equal(20, board.FindAll("[data-viewers='0']").Count);
        Assert.Equal("true", board.Find("[data-presence-toggle]").GetAttribute("aria-pressed"));

        board.Find("[data-presence-toggle]").Click();
        Assert.Empty(board.FindAll("[data-viewers]"));
    }

    /// <summary>The relay's next tick: what changed is sent and the boards showing the overlay hear it.</summary>
    private void Flush() => Clock.Advance(Presence.Settings.FlushEvery);

    /// <summary>Taps the unit and waits for its sheet: the tap has been handled.</summary>
    private static Task OpenAsync(IRenderedComponent<BoardPage> page, string code)
    {
        page.Find($"[data-unit-code='{code}']").Click();
        return page.WaitForElementAsync($"[data-sheet='{code}']");
    }

    private async Task<IRenderedComponent<BoardPage>> RenderBoardAsync()
    {
        var page = Render<BoardPage>();
        await page.WaitForElementAsync("[data-unit-code]");
        return page;
    }

    private static string? Viewers(IRenderedComponent<BoardPage> page, string code) => page.Find($"[data-unit-code='{code}']").GetAttribute("data-viewers");
}
