using Microsoft.Playwright;
using Realty.Live.Web.Domain;
using static Microsoft.Playwright.Assertions;
using static Realty.Live.E2E.BoardSteps;

namespace Realty.Live.E2E.Board;

[Collection(LiveAppCollection.Name)]
public sealed class BadInputTests(LiveApp app)
{
    public static TheoryData<string, string, string, string> RefusedCustomers => new()
    {
        { "", "13800138000", "zh-CN", "请填写客户姓名。" },
        { "张伟", "", "zh-CN", "请填写客户手机号。" },
        { "张伟", "12345", "zh-CN", "“12345”不是有效的手机号" },
        { "Zhang Wei", "1380013800a", "en-US", "\"1380013800a\" is not a valid mobile number" },
        { new string('张', CustomerContact.MaxNameLength + 1), "13800138000", "zh-CN", "客户姓名最多 40 个字。" },
        { "<script>alert(1)</script>", "13800138000", "en-US", "The customer's name contains characters that are not allowed." },
    };

    [Theory]
    [MemberData(nameof(RefusedCustomers))]
    public Task ABadCustomerIsRefusedInTheAgentsLanguageChangesNothingAndCanBeCorrected(string name, string phone, string locale, string message) =>
        Scenario.RunAsync(app, async s =>
        {
            var page = await s.SignInAsync(WangFang, locale: locale);
            var dialogs = new List<string>();
            page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
            var code = await page.FirstAvailableAsync();
            var before = await app.Services.UnitRecordAsync(code);
            await page.OpenUnitAsync(code);
            await page.TypeCustomerAsync(name, phone);
            await page.Locator("[data-action=\"hold\"]").ClickAsync();

            var error = page.Locator("[data-sheet] [data-message=\"error\"]");
            await Expect(error).ToContainTextAsync(message);
            await Expect(page.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "available");
            await Expect(page.SheetStatus()).ToHaveAttributeAsync("data-version", before.Version.ToString());
            await Expect(page.Cell(code)).ToHaveAttributeAsync("data-status", "available");
            var unchanged = await app.Services.UnitRecordAsync(code);
            Assert.Equal((before.Status, before.Version, before.Deals), (unchanged.Status, unchanged.Version, unchanged.Deals));
            Assert.Equal(before.Events, unchanged.Events);
            // What the agent typed stays, so it can be corrected rather than typed again; none of it ran as markup.
            await Expect(page.CustomerName()).ToHaveValueAsync(name);
            await Expect(page.CustomerPhone()).ToHaveValueAsync(phone);
            Assert.Empty(dialogs);

            await page.TypeCustomerAsync("张伟", "13800138000");
            await page.Locator("[data-action=\"hold\"]").ClickAsync();
            await Expect(page.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
            await Expect(error).ToHaveCountAsync(0);
            Assert.Equal([.. before.Events, UnitAction.Hold], (await app.Services.UnitRecordAsync(code)).Events);
        });

    [Fact]
    public Task ADoubleClickOnHoldHoldsOnceAndOpensOneDeal() => Scenario.RunAsync(app, async s =>
    {
        var page = await s.SignInAsync(WangFang);
        var code = await page.FirstAvailableAsync();
        var before = await app.Services.UnitRecordAsync(code);
        await page.OpenUnitAsync(code);
        await page.TypeCustomerAsync("张伟", "13800138000");

        await page.Locator("[data-action=\"hold\"]").DblClickAsync();

        await ExpectHeldOnceAsync(page, code, before);
    });

    /// <summary>
    /// A finger taps twice a quarter of a second apart: by the second tap the hold may be done and
    /// the sheet redrawn, with other actions where the hold button was.
    /// </summary>
    [Fact]
    public Task ARapidDoubleTapOnHoldHoldsOnceAndOpensOneDeal() => Scenario.RunAsync(app, async s =>
    {
        var tablet = await s.SignInAsync(WangFang, touch: true);
        var code = await tablet.FirstAvailableAsync();
        var before = await app.Services.UnitRecordAsync(code);
        await tablet.OpenUnitAsync(code);
        await tablet.TypeCustomerAsync("张伟", "13800138000");

        var hold = await tablet.Locator("[data-action=\"hold\"]").BoundingBoxAsync() ?? throw new InvalidOperationException("No hold button.");
        var (x, y) = (hold.X + hold.Width / 2, hold.Y + hold.Height / 2);
        await tablet.Touchscreen.TapAsync(x, y);
        await tablet.WaitForTimeoutAsync(250);
        await tablet.Touchscreen.TapAsync(x, y);

        await ExpectHeldOnceAsync(tablet, code, before);
    });

    private async Task ExpectHeldOnceAsync(IPage page, string code, UnitRecord before)
    {
        await Expect(page.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
        // Give a second hold, had one been sent, the time to land before counting.
        await page.WaitForTimeoutAsync(500);
        await Expect(page.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
        // The agent is not told that somebody (themselves) took the unit first.
        await Expect(page.Locator("[data-message]")).ToHaveCountAsync(0);
        var after = await app.Services.UnitRecordAsync(code);
        Assert.Equal(UnitStatus.Held, after.Status);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal([.. before.Events, UnitAction.Hold], after.Events);
        Assert.Equal((before.Deals + 1, 1), (after.Deals, after.LiveDeals));
    }
}
