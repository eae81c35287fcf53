using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Realty.Live.E2E.Wall;
using Realty.Live.Web.Domain;
using static Microsoft.Playwright.Assertions;
using static Realty.Live.E2E.BoardSteps;

namespace Realty.Live.E2E.Board;

/// <summary>An app of its own: while the opening runs, every new deal needs a called queue number.</summary>
[CollectionDefinition(Name)]
public sealed class OpeningDayCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "opening day";
}

[Collection(OpeningDayCollection.Name)]
public sealed class OpeningDayTests(LiveApp app)
{
    [Fact]
    public Task ABuyerGoesFromAQueueNumberToASignedContract() => Scenario.RunAsync(app, async s =>
    {
        var wall = await s.OpenAsync(WallSteps.Width, WallSteps.Height);
        await wall.GotoAsync(await app.Services.CreateDisplayLinkAsync("开盘大屏 E2E") + WallSteps.KeepFirstBuilding);
        await Scenario.WaitForCircuitAsync(wall);
        await Expect(wall.Locator("[data-calling]")).ToHaveCountAsync(0);

        // Before the opening: the agent registers the buyer and takes the sincerity deposit (排号 / 诚意金).
        var agent = await s.SignInAsync(WangFang, touch: true);
        await agent.GotoAsync("/queue");
        await Scenario.WaitForCircuitAsync(agent);
        await agent.Field("buyer-name").FillAsync("孙丽");
        await agent.Field("buyer-phone").FillAsync("136 0013 6000");
        await agent.Locator("[data-action=\"issue-ticket\"]").TapAsync();
        var issued = agent.Locator("[data-issued-ticket]");
        await Expect(issued).ToBeVisibleAsync();
        var number = await issued.GetAttributeAsync("data-issued-ticket") ?? "";

        // The manager opens the sale and calls the first batch; the wall shows it at once.
        var manager = await s.SignInAsync(Manager, Scenario.DesktopWidth, Scenario.DesktopHeight);
        await manager.GotoAsync("/queue");
        await Scenario.WaitForCircuitAsync(manager);
        await manager.Locator("[data-set-mode=\"live\"]").ClickAsync();
        await Expect(manager.Locator("[data-set-mode=\"live\"]")).ToHaveAttributeAsync("aria-pressed", "true");
        // The demo's earlier numbers come first: one batch calls them all, up to the new buyer's.
        var calledUpTo = int.Parse(await manager.Locator("[data-called-up-to]").TextContentAsync() ?? "0");
        await manager.Field("call-count").FillAsync((int.Parse(number) - calledUpTo).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await manager.Field("call-count").PressAsync("Tab");
        await manager.Locator("[data-action=\"call-next\"]").ClickAsync();
        await Expect(manager.Locator($"[data-called-number=\"{number}\"]")).ToBeVisibleAsync();
        await Expect(wall.Locator("[data-calling]")).ToContainTextAsync(number, new() { Timeout = 5_000 });
        await Scenario.StepScreenshotAsync(manager, "opening-day-1-queue-desktop.png");
        await Scenario.StepScreenshotAsync(wall, "opening-day-2-wall-calling.png");

        // On the board the number stands for the buyer: no name or phone to type.
        await agent.GotoAsync("/board");
        await Scenario.WaitForCircuitAsync(agent);
        var code = await agent.FirstAvailableAsync();
        await agent.OpenUnitAsync(code);
        await agent.Field("ticket").FillAsync(number);
        await agent.Locator("[data-action=\"hold\"]").TapAsync();
        await Expect(agent.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
        await Expect(agent.Locator("[data-deal]")).ToContainTextAsync("孙丽");
        await Expect(agent.Locator("[data-deal] [data-ticket-number]")).ToHaveTextAsync(number);
        await Expect(wall.Cell(code)).ToHaveAttributeAsync("data-status", "held", Pushed);

        // The subscription: the sincerity deposit becomes the earnest money.
        await Expect(agent.Locator("[data-sheet] [data-action]:disabled")).ToHaveCountAsync(0);
        await agent.Locator("[data-action=\"subscribe\"]").TapAsync();
        await Expect(agent.Locator("[data-terms=\"subscribe\"]")).ToBeVisibleAsync();
        await Expect(agent.Locator("[data-breakdown] [data-final-price]")).ToBeVisibleAsync();
        await agent.Locator("[data-action=\"confirm\"]").TapAsync();
        await Expect(agent.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "subscribed");
        await Expect(agent.Locator("[data-deal] [data-paid]")).ToHaveAttributeAsync("data-paid", "50000");

        await Expect(agent.Locator("[data-sheet] [data-action]:disabled")).ToHaveCountAsync(0);
        await agent.Locator("[data-action=\"sign\"]").TapAsync();
        await agent.Locator("[data-field=\"contract-no\"]").FillAsync("HT-2026-KP-0001");
        await agent.Locator("[data-action=\"confirm\"]").TapAsync();
        await Expect(agent.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "signed");
        await Expect(wall.Cell(code)).ToHaveAttributeAsync("data-status", "signed", Pushed);
        await Expect(agent.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Scenario.ScreenshotAsync(agent, "opening-day-tablet.png");

        // The desk's list shows the number with its deal, and its deposit can no longer be refunded.
        await manager.Field("ticket-search").FillAsync(number);
        var row = manager.Locator($"[data-ticket=\"{number}\"]");
        await Expect(row).ToHaveAttributeAsync("data-deals", "1");
        await Expect(row.Locator("[data-action=\"refund\"]")).ToHaveCountAsync(0);

        await using var db = await app.Services.DbAsync();
        var deal = await db.Deals.AsNoTracking().SingleAsync(d => d.ContractNo == "HT-2026-KP-0001");
        var receipts = await db.Receipts.AsNoTracking().Where(r => r.DealId == deal.Id).Select(r => new { r.Kind, r.Amount }).ToListAsync();
        Assert.Equal((UnitStatus.Signed, "孙丽", "13600136000"), (deal.Stage, deal.CustomerName, deal.CustomerPhone));
        Assert.Equal([(ReceiptKind.SincerityDeposit, 50_000m)], receipts.Select(r => (r.Kind, r.Amount)));
        var owed = await db.Receivables.AsNoTracking().Where(r => r.DealId == deal.Id).SumAsync(r => r.Amount);
        Assert.Equal(deal.FinalPrice, owed);
    });
}
