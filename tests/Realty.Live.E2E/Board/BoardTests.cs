using static Microsoft.Playwright.Assertions;
using static Realty.Live.E2E.BoardSteps;

namespace Realty.Live.E2E.Board;

[Collection(LiveAppCollection.Name)]
public sealed class BoardTests(LiveApp app)
{
    [Fact]
    public Task AHoldShowsOnAnotherAgentsBoardWithoutReload() => Scenario.RunAsync(app, async s =>
    {
        var wang = await s.SignInAsync(WangFang);
        var li = await s.SignInAsync(LiQiang, locale: "en-US");
        // Survives only as long as the page is not reloaded.
        await li.EvaluateAsync("() => window.e2eSameDocument = true");
        var liLegend = li.Locator("[data-filter-status=\"available\"]");
        await Expect(liLegend).ToContainTextAsync("Available");

        var code = await wang.FirstAvailableAsync();
        await Expect(li.Cell(code)).ToHaveAttributeAsync("data-status", "available");
        await wang.OpenUnitAsync(code);
        await wang.TypeCustomerAsync("张伟", "138 0013 8000");
        await Scenario.ScreenshotAsync(wang, "board-tablet.png");
        await wang.Locator("[data-action=\"hold\"]").ClickAsync();

        await Expect(wang.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
        await Expect(li.Cell(code)).ToHaveAttributeAsync("data-status", "held", Pushed);
        Assert.True(await li.EvaluateAsync<bool>("() => window.e2eSameDocument === true"));
        // Pushed by a colleague who works in Chinese, the change still renders in his English.
        await Expect(liLegend).ToContainTextAsync("Available");

        // The other agent sees whose deal it is, but not the customer's full number, and cannot hold it.
        await li.OpenUnitAsync(code);
        await Expect(li.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
        await Expect(li.Locator("[data-deal-phone]")).ToHaveTextAsync("138****8000");
        await Expect(li.Locator("[data-action=\"hold\"]")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task TheAgentOnAStaleSheetIsToldWhoWonAndKeepsWhatTheyTyped() => Scenario.RunAsync(app, async s =>
    {
        var wang = await s.SignInAsync(WangFang);
        var li = await s.SignInAsync(LiQiang, Scenario.DesktopWidth, Scenario.DesktopHeight);
        var code = await wang.FirstAvailableAsync();
        await wang.OpenUnitAsync(code);
        await li.OpenUnitAsync(code);
        await wang.TypeCustomerAsync("吴刚", "13800138001");
        await li.TypeCustomerAsync("孙丽", "13900139002");

        // The broadcast of 王芳's hold has not reached 李强 yet: his sheet still offers the unit.
        await using (app.Broadcasts.HoldBack())
        {
            await wang.Locator("[data-action=\"hold\"]").ClickAsync();
            await Expect(wang.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
            await Expect(li.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "available");

            await li.Locator("[data-action=\"hold\"]").ClickAsync();
            var conflict = li.Locator("[data-message=\"conflict\"]");
            await Expect(conflict).ToBeVisibleAsync();
            await Expect(conflict).ToContainTextAsync("王芳");
            await Expect(conflict).ToContainTextAsync(code);
            await Expect(li.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
            await Expect(li.Locator("[data-similar-unit]").First).ToBeVisibleAsync();
        }
        await Expect(li.Cell(code)).ToHaveAttributeAsync("data-status", "held", Pushed);
        await Scenario.ScreenshotAsync(li, "board-desktop.png");

        // A similar unit opens with the customer he had typed, ready to hold.
        var similar = li.Locator("[data-similar-unit]").First;
        var similarCode = await similar.GetAttributeAsync("data-similar-unit") ?? "";
        await similar.ClickAsync();
        await Expect(li.Locator($"[data-sheet=\"{similarCode}\"]")).ToBeVisibleAsync();
        await Expect(li.CustomerName()).ToHaveValueAsync("孙丽");
        await Expect(li.CustomerPhone()).ToHaveValueAsync("13900139002");
        await li.Locator("[data-action=\"hold\"]").ClickAsync();
        await Expect(li.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
        await Expect(wang.Cell(similarCode)).ToHaveAttributeAsync("data-status", "held", Pushed);
    });
}
