using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Pricing;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Pricing;

/// <summary>Prices as in <see cref="PriceServiceTests"/>; 1#-601 is subscribed.</summary>
public sealed class PricingPageTests : BoardComponentTest
{
    public PricingPageTests()
    {
        Services.AddSingleton<PriceService>();
        SignInAs(People.Chen);
    }

    protected override ProjectBuilder Seed => base.Seed
        .With("1#-601", (unit, now) => unit.SubscribeAtList(People.Wang, Customers.Zhang, now));

    private PriceService Prices => Services.GetRequiredService<PriceService>();

    [Fact]
    public async Task ThePreviewShowsEachUnitsNewPricesTheTotalsAndTheUnitsLeftAlone()
    {
        var page = await RenderPageAsync();
        Assert.True(page.Find("[data-action='apply']").HasAttribute("disabled"));

        await PreviewRaiseOfFloorsFiveAndSixAsync(page);

        // +2.5%: 41,768.75 × 89 and × 105 on floor 5; 41,922.50 × 105 on floor 6.
        Assert.Equal(
            [("1#-501", 3_717_418.75m, 3_605_896.70m), ("1#-502", 4_385_718.75m, 4_254_147.70m), ("1#-602", 4_401_862.50m, 4_269_806.63m)],
            page.FindAll("[data-preview-row]").Select(r => (r.GetAttribute("data-preview-row"), Number(r.GetAttribute("data-new-list")), Number(r.GetAttribute("data-new-floor")))));
        var total = page.Find("[data-preview-total]");
        Assert.Equal(
            (12_200_000m, 12_505_000m, 305_000m),
            (Number(total.GetAttribute("data-old-total")), Number(total.GetAttribute("data-new-total")), Number(total.GetAttribute("data-difference"))));
        Assert.Contains(L.T("pricing.totals", 3), total.TextContent);
        var skipped = page.Find("[data-skipped-row='1#-601']");
        Assert.Contains(L.T("pricing.skip.inDeal", UnitStatus.Subscribed), skipped.TextContent);
        Assert.False(page.Find("[data-action='apply']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ApplyRepricesThePreviewedUnitsAndClearsThePreview()
    {
        var page = await RenderPageAsync();
        await PreviewRaiseOfFloorsFiveAndSixAsync(page);

        page.Find("[data-action='apply']").Click();

        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[data-preview-row]")));
        await using var db = Database.Open();
        Assert.Equal(
            [3_717_418.75m, 4_385_718.75m, 3_640_100m, 4_401_862.50m],
            await db.Units.Where(u => u.Floor == 5 || u.Floor == 6).Where(u => u.BuildingId == Project.Buildings["1#"]).OrderBy(u => u.Floor).ThenBy(u => u.Stack).Select(u => u.ListPrice).ToListAsync());
        Assert.Single(await db.PriceRecords.Select(p => p.AdjustmentId).Distinct().ToListAsync());
    }

    [Fact]
    public async Task AUnitThatMovesAfterThePreviewMakesItStaleAndApplyIsRefused()
    {
        var page = await RenderPageAsync();
        await PreviewRaiseOfFloorsFiveAndSixAsync(page);

        await HoldAsync("1#-502", People.Li);

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-preview-stale]")));
        Assert.True(page.Find("[data-action='apply']").HasAttribute("disabled"));
        await using var db = Database.Open();
        Assert.Empty(await db.PriceRecords.ToListAsync());
    }

    [Fact]
    public async Task AbsurdInputShowsWhyAndNoPreview()
    {
        var page = await RenderPageAsync();

        page.Find("[data-field='value']").Input("-150");
        page.Find("[data-action='preview']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("pricing.percent.range"), page.Find("[data-pricing-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-preview]"));
        Assert.True(page.Find("[data-action='apply']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task AnUploadedPriceListShowsItsRowReport()
    {
        var page = await RenderPageAsync();
        var rows = new MemoryStream((await Prices.ExportAsync(Project.Id))!).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Single(r => (string)r["房号 Code"]! == "1#-501")["单价 Unit price"] = "不是数字";
        using var file = new MemoryStream();
        file.SaveAs(rows);

        page.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(file.ToArray(), "prices.xlsx"));

        await page.WaitForAssertionAsync(() => Assert.Equal("refused", page.Find("[data-report]").GetAttribute("data-report")));
        var bad = page.Find("[data-report-row][data-ok='false']");
        // The tower's floors come first, 1#-101 in row 2: 1#-501 is row 10.
        Assert.Equal("10", bad.GetAttribute("data-report-row"));
        Assert.Contains(L.T("pricing.import.notNumber", "单价 Unit price", "不是数字"), bad.TextContent);
        Assert.Equal(L.T("pricing.import.rejected", 1, 23), page.Find("[data-report]").TextContent.Trim());
    }

    [Fact]
    public async Task TheHistoryPanelShowsAUnitsPricesAndSetsANewOne()
    {
        var page = await RenderPageAsync();

        page.Find("[data-field='history-code']").Input("1#-601");
        page.Find("[data-action='show-history']").Click();
        await page.WaitForAssertionAsync(() => Assert.Equal("1#-601", page.Find("[data-history]").GetAttribute("data-history")));
        Assert.Equal(3_640_100m, Number(page.Find("[data-deal-price]").GetAttribute("data-deal-price")));

        page.Find("[data-field='reprice-amount']").Change("42000");
        page.Find("[data-action='reprice']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(3_738_000m, Number(Assert.Single(page.FindAll("[data-history-row]")).GetAttribute("data-list"))));
        Assert.Equal("3", page.Find("[data-history]").GetAttribute("data-version"));
    }

    private async Task<IRenderedComponent<PricingPage>> RenderPageAsync()
    {
        var page = Render<PricingPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal(Project.Id.ToString(CultureInfo.InvariantCulture), page.Find("[data-pricing-project]").GetAttribute("data-pricing-project")));
        return page;
    }

    private static async Task PreviewRaiseOfFloorsFiveAndSixAsync(IRenderedComponent<PricingPage> page)
    {
        page.Find("[data-field='floor-from']").Input("5");
        page.Find("[data-field='floor-to']").Input("6");
        page.Find("[data-field='value']").Input("2.5");
        page.Find("[data-action='preview']").Click();
        await page.WaitForAssertionAsync(() => Assert.Equal("3", page.Find("[data-preview]").GetAttribute("data-preview")));
    }

    private static decimal Number(string? text) => decimal.Parse(text!, CultureInfo.InvariantCulture);
}
