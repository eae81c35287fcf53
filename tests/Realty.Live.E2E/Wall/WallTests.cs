using Realty.Live.Web.Domain;
using static Microsoft.Playwright.Assertions;
using static Realty.Live.E2E.BoardSteps;

namespace Realty.Live.E2E.Wall;

[Collection(LiveAppCollection.Name)]
public sealed class WallTests(LiveApp app)
{
    [Fact]
    public Task TheWallShowsHoldsLiveAndGoesBlankWhenItsLinkIsRevoked() => Scenario.RunAsync(app, async s =>
    {
        var manager = await s.SignInAsync(Manager, Scenario.DesktopWidth, Scenario.DesktopHeight);
        await manager.GotoAsync("/displays");
        await Scenario.WaitForCircuitAsync(manager);
        await manager.Field("display-name").FillAsync("售楼处大屏 E2E");
        await manager.Locator("[data-action=\"create-display\"]").ClickAsync();
        var row = manager.Locator("tr[data-display-link]", new() { HasText = "售楼处大屏 E2E" });
        var url = await row.Locator("[data-display-url]").GetAttributeAsync("href") ?? "";
        Assert.StartsWith(app.BaseAddress.ToString(), url);

        // The TV signs in as nobody.
        var wall = await s.OpenAsync(WallSteps.Width, WallSteps.Height);
        await wall.GotoAsync(url + WallSteps.KeepFirstBuilding);
        await Scenario.WaitForCircuitAsync(wall);
        await Expect(wall.Locator("[data-wall=\"live\"]")).ToBeVisibleAsync();
        Assert.True(await wall.Locator("[data-wall=\"live\"] [data-unit-code]").CountAsync() > 100);

        var agent = await s.SignInAsync(ZhaoMin);
        var code = await agent.FirstAvailableAsync();
        await Expect(wall.Cell(code)).ToHaveAttributeAsync("data-status", "available");
        await agent.HoldAsync(code, "周杰", "13700137003");
        await Expect(wall.Cell(code)).ToHaveAttributeAsync("data-status", "held", Pushed);
        await Expect(wall.Locator(".wall-ticker li").First).ToContainTextAsync(code);
        await Scenario.ScreenshotAsync(wall, "wall-1080p.png");

        await row.Locator("[data-action=\"revoke-display\"]").ClickAsync();
        await Expect(wall.Locator("[data-wall=\"revoked\"]")).ToBeVisibleAsync();
        await Expect(wall.Locator("[data-unit-code]")).ToHaveCountAsync(0);
    });
}
