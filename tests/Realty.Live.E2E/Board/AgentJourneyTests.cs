using Microsoft.Playwright;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using static Microsoft.Playwright.Assertions;
using static Realty.Live.E2E.BoardSteps;

namespace Realty.Live.E2E.Board;

[Collection(LiveAppCollection.Name)]
public sealed class AgentJourneyTests(LiveApp app)
{
    /// <summary>The smallest target a finger hits reliably (Apple and Material both say 44–48 px).</summary>
    private const float TouchTarget = 44;

    [Fact]
    public Task AnAgentOnATabletSignsInFiltersTheBoardAndHoldsSubscribesAndSignsAUnit() => Scenario.RunAsync(app, async s =>
    {
        var tablet = await s.OpenAsync(Scenario.TabletWidth, Scenario.TabletHeight, touch: true);
        await tablet.GotoAsync("/account/login");
        await Scenario.WaitForCircuitAsync(tablet);
        await tablet.Locator("#email").FillAsync(WangFang);
        await tablet.Locator("#password").FillAsync(DemoSeed.Password);
        await Scenario.StepScreenshotAsync(tablet, "agent-journey-1-sign-in.png");
        await tablet.Locator("[data-action=\"login\"]").TapAsync();
        await tablet.WaitForURLAsync("**/board");
        await Scenario.WaitForCircuitAsync(tablet);

        // The customer wants a 105 m² three-bedroom (layout B) that is still on sale.
        var available = tablet.Locator("[data-filter-status=\"available\"]");
        var layoutB = tablet.Locator("[data-filter-layout=\"B\"]");
        await AssertTouchTargetsAsync(available, layoutB);
        await available.TapAsync();
        await layoutB.TapAsync();
        await Expect(available).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(layoutB).ToHaveAttributeAsync("aria-pressed", "true");
        var shown = await tablet.Locator("button[data-unit-code]:not(.dim)")
            .EvaluateAllAsync<string[][]>("cells => cells.map(c => [c.dataset.status, c.querySelector('.cell-meta').textContent])");
        Assert.NotEmpty(shown);
        Assert.All(shown, cell => Assert.Equal("available", cell[0]));
        Assert.All(shown, cell => Assert.StartsWith("B ", cell[1]));
        Assert.True(await tablet.Locator("button[data-unit-code].dim").CountAsync() > 0, "The filter dimmed nothing.");
        await Scenario.StepScreenshotAsync(tablet, "agent-journey-2-filtered.png");

        var code = await tablet.Locator("button[data-unit-code]:not(.dim)").First.GetAttributeAsync("data-unit-code") ?? "";
        var before = await app.Services.UnitRecordAsync(code);
        await AssertTouchTargetsAsync(tablet.Cell(code));
        await tablet.Cell(code).TapAsync();
        await Expect(tablet.Locator($"[data-sheet=\"{code}\"]")).ToBeVisibleAsync();
        await Expect(tablet.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "available");
        var history = tablet.Locator(".history li");
        var earlier = await history.CountAsync();
        await tablet.CustomerName().FillAsync("张伟");
        await tablet.CustomerPhone().FillAsync("138 0013 8000");
        await AssertTouchTargetsAsync(
            tablet.Locator("[data-action=\"close\"]"),
            tablet.Locator("[data-action=\"hold\"]"),
            tablet.Locator("[data-action=\"deposit\"]"),
            tablet.Locator("[data-action=\"subscribe\"]"),
            tablet.Locator("[data-action=\"sign\"]"));
        await Scenario.StepScreenshotAsync(tablet, "agent-journey-3-customer.png");

        await TapAndExpectAsync(tablet, code, "hold", "held");
        // The agent's own deal shows the customer's number in full, as normalised.
        await Expect(tablet.Locator("[data-deal]")).ToContainTextAsync("张伟");
        await Expect(tablet.Locator("[data-deal-phone]")).ToHaveTextAsync("13800138000");
        await Expect(tablet.Locator("[data-hold-expires]")).ToBeVisibleAsync();
        await AssertTouchTargetsAsync(tablet.Locator("[data-action=\"release\"]"), tablet.Locator("[data-action=\"subscribe\"]"));
        await Scenario.StepScreenshotAsync(tablet, "agent-journey-4-held.png");

        // The subscription agrees the price: a discount the unit qualifies for, the first plan, and the breakdown to show the customer.
        await TapAndExpectAsync(tablet, code, "subscribe", "subscribed", async () =>
        {
            var discount = tablet.Locator("[data-terms] [data-scheme]:not([disabled])").First;
            var listPrice = decimal.Parse(await tablet.Locator("[data-list-price]").GetAttributeAsync("data-list-price") ?? "0");
            await AssertTouchTargetsAsync(discount, tablet.Locator("[data-terms] [data-plan]").First, tablet.Locator("[data-action=\"confirm\"]"));
            await discount.TapAsync();
            await Expect(discount).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(tablet.Locator("[data-breakdown] [data-line]")).ToHaveCountAsync(1);
            var final = decimal.Parse(await tablet.Locator("[data-breakdown] [data-final-price]").GetAttributeAsync("data-final-price") ?? "0");
            Assert.True(final < listPrice, $"The discount left the price at {final}, list {listPrice}.");
            await Expect(tablet.Locator("[data-print-quote]")).ToBeVisibleAsync();
            await Scenario.StepScreenshotAsync(tablet, "agent-journey-5-terms.png");
        });
        await Expect(tablet.Locator("[data-hold-expires]")).ToHaveCountAsync(0);
        await Expect(tablet.Locator("[data-deal] [data-final-price]")).ToBeVisibleAsync();
        await Expect(tablet.Locator("[data-deal] [data-sign-by]")).ToBeVisibleAsync();
        await Scenario.StepScreenshotAsync(tablet, "agent-journey-6-subscribed.png");

        await TapAndExpectAsync(tablet, code, "sign", "signed", async () =>
        {
            await Expect(tablet.Locator("[data-agreed]")).ToBeVisibleAsync();
            await tablet.Locator("[data-field=\"contract-no\"]").FillAsync($"HT-2026-{code.Replace('#', '-')}");
        });
        await Expect(tablet.Locator("[data-deal] [data-contract-no]")).ToHaveAttributeAsync("data-contract-no", $"HT-2026-{code.Replace('#', '-')}");
        // Signed is final for an agent: what is left is asking a manager for a change.
        await Expect(tablet.Locator("[data-sheet] [data-action]:not([data-action=\"close\"])")).ToHaveCountAsync(1);
        await Expect(tablet.Locator("[data-action=\"ask-change\"]")).ToBeVisibleAsync();
        await Expect(history).ToHaveCountAsync(earlier + 3);
        await Expect(history.Nth(0)).ToContainTextAsync("签约 · 王芳");
        await Expect(history.Nth(1)).ToContainTextAsync("认购 · 王芳");
        await Expect(history.Nth(2)).ToContainTextAsync("预留 · 王芳");
        await Expect(tablet.Locator("[data-deal]")).ToContainTextAsync("张伟");
        // The README's picture shows the sheet, not the three "done" notices that cover its top for a few seconds.
        await Expect(tablet.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Scenario.ScreenshotAsync(tablet, "agent-journey-tablet.png");

        var after = await app.Services.UnitRecordAsync(code);
        Assert.Equal(UnitStatus.Signed, after.Status);
        Assert.Equal(before.Version + 3, after.Version);
        Assert.Equal([.. before.Events, UnitAction.Hold, UnitAction.Subscribe, UnitAction.Sign], after.Events);
        Assert.Equal((before.Deals + 1, 1), (after.Deals, after.LiveDeals));
    });

    /// <summary>Taps an action (filling in and confirming its terms, when it has some) and waits for the sheet, the cell and the history to show its result.</summary>
    private static async Task TapAndExpectAsync(IPage tablet, string code, string action, string status, Func<Task>? fillTerms = null)
    {
        var history = tablet.Locator(".history li");
        var entries = await history.CountAsync();
        await tablet.Locator($"[data-action=\"{action}\"]").TapAsync();
        if (fillTerms is not null)
        {
            await Expect(tablet.Locator($"[data-terms=\"{action}\"]")).ToBeVisibleAsync();
            await fillTerms();
            await tablet.Locator("[data-action=\"confirm\"]").TapAsync();
        }
        await Expect(tablet.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", status);
        await Expect(tablet.Cell(code)).ToHaveAttributeAsync("data-status", status, Pushed);
        await Expect(history).ToHaveCountAsync(entries + 1);
        await Expect(tablet.Locator("[data-message]")).ToHaveCountAsync(0);
        // The sheet takes the next tap only once it has settled.
        await Expect(tablet.Locator("[data-sheet] [data-action]:disabled")).ToHaveCountAsync(0);
    }

    private static async Task AssertTouchTargetsAsync(params ILocator[] targets)
    {
        foreach (var target in targets)
        {
            var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException($"{target} is not on screen.");
            Assert.True(box.Height >= TouchTarget && box.Width >= TouchTarget, $"{target} is {box.Width}×{box.Height} px, smaller than a finger.");
        }
    }
}
