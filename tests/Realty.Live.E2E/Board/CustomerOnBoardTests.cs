using static Microsoft.Playwright.Assertions;
using static Realty.Live.E2E.BoardSteps;

namespace Realty.Live.E2E.Board;

[Collection(LiveAppCollection.Name)]
public sealed class CustomerOnBoardTests(LiveApp app)
{
    [Fact]
    public Task AnAgentRegistersAWalkInHoldsAUnitForThemAndTheirListShowsThemInterested() => Scenario.RunAsync(app, async s =>
    {
        var tablet = await s.SignInAsync(WangFang, touch: true);
        await tablet.GotoAsync("/customers");
        await Scenario.WaitForCircuitAsync(tablet);
        await tablet.Field("customer-name").FillAsync("钱晓峰");
        await tablet.Field("customer-mobile").FillAsync("150 0015 0001");
        await tablet.Locator("[data-first-contact=\"walkin\"]").TapAsync();
        await tablet.Locator("[data-action=\"register-customer\"]").TapAsync();
        var registered = tablet.Locator("[data-message=\"registered\"]");
        await Expect(registered).ToBeVisibleAsync();
        var id = await registered.GetAttributeAsync("data-customer-id") ?? "";
        await Expect(tablet.Locator($"[data-customer=\"{id}\"]")).ToHaveAttributeAsync("data-stage", "potential");

        await tablet.GotoAsync("/board");
        await Scenario.WaitForCircuitAsync(tablet);
        var code = await tablet.FirstAvailableAsync();
        await tablet.OpenUnitAsync(code);
        await tablet.Field("customer-search").FillAsync("钱晓");
        await tablet.Locator($"[data-customer-option=\"{id}\"]").TapAsync();
        await Expect(tablet.Locator($"[data-picked-customer=\"{id}\"]")).ToBeVisibleAsync();
        await Scenario.StepScreenshotAsync(tablet, "customer-on-board-picked.png");
        await tablet.Locator("[data-action=\"hold\"]").TapAsync();
        await Expect(tablet.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
        await Expect(tablet.Locator("[data-deal]")).ToContainTextAsync("钱晓峰");
        await Expect(tablet.Locator("[data-deal-phone]")).ToHaveTextAsync("15000150001");

        await tablet.GotoAsync("/customers");
        await Scenario.WaitForCircuitAsync(tablet);
        await Expect(tablet.Locator($"[data-customer=\"{id}\"]")).ToHaveAttributeAsync("data-stage", "interested");
    });
}
