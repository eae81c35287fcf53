using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Realty.Live.E2E;

/// <summary>What an agent does on the unit board, in the words of the markup's data attributes.</summary>
public static class BoardSteps
{
    public const string WangFang = "wangfang@demo.realty.live";
    public const string LiQiang = "liqiang@demo.realty.live";
    public const string ZhaoMin = "zhaomin@demo.realty.live";
    public const string Manager = "manager@demo.realty.live";

    /// <summary>How long a pushed change may take to reach another screen.</summary>
    public static readonly LocatorAssertionsToHaveAttributeOptions Pushed = new() { Timeout = 5_000 };

    public static ILocator Cell(this IPage page, string code) => page.Locator($"button[data-unit-code=\"{code}\"]");

    public static ILocator SheetStatus(this IPage page) => page.Locator("[data-sheet] [data-sheet-status]");

    /// <summary>MudTextField renders its UserAttributes on the input element itself, not on a wrapper.</summary>
    public static ILocator Field(this IPage page, string name) => page.Locator($"input[data-field=\"{name}\"]");

    public static ILocator CustomerName(this IPage page) => page.Field("customer-name");

    public static ILocator CustomerPhone(this IPage page) => page.Field("customer-phone");

    /// <summary>The first unit on sale in the building shown; every test takes its own, so tests never share a unit.</summary>
    public static async Task<string> FirstAvailableAsync(this IPage page) =>
        await page.Locator("button[data-unit-code][data-status=\"available\"]").First.GetAttributeAsync("data-unit-code")
        ?? throw new InvalidOperationException("No available unit on the board.");

    public static async Task OpenUnitAsync(this IPage page, string code)
    {
        await page.Cell(code).ClickAsync();
        await Expect(page.Locator($"[data-sheet=\"{code}\"]")).ToBeVisibleAsync();
    }

    public static async Task TypeCustomerAsync(this IPage page, string name, string phone)
    {
        await page.CustomerName().FillAsync(name);
        await page.CustomerPhone().FillAsync(phone);
    }

    public static async Task HoldAsync(this IPage page, string code, string name, string phone)
    {
        await page.OpenUnitAsync(code);
        await page.TypeCustomerAsync(name, phone);
        await page.Locator("[data-action=\"hold\"]").ClickAsync();
        await Expect(page.SheetStatus()).ToHaveAttributeAsync("data-sheet-status", "held");
    }
}
