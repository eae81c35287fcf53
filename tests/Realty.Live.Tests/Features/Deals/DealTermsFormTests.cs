using Bunit;
using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Tests.Features.Deals;

/// <summary>The terms a subscription agrees, filled in on the unit sheet of the board.</summary>
public sealed class DealTermsFormTests : BoardComponentTest
{
    [Fact]
    public async Task ASubscriptionShowsTheBreakdownOfTheChosenDiscountAndKeepsIt()
    {
        var schemeId = await AddDiscountAsync(new DiscountTerms("开盘优惠 98折", DiscountKind.Percent, 98));
        await HoldAsync("1#-501", People.Wang);
        var page = await OpenSheetAsync("1#-501", "held");

        page.Find("[data-action='subscribe']").Click();
        await page.WaitForElementAsync("[data-terms='subscribe']");
        // 1#-501: 89 m² at 40,000 + 5 × 150 = 40,750 a m², so 3,626,750 listed; 98 % of it is 3,554,215.
        Assert.Equal("3626750", page.Find("[data-breakdown] [data-final-price]").GetAttribute("data-final-price"));
        Assert.Equal("true", page.Find($"[data-plan='{Project.OneOffPlanId}']").GetAttribute("aria-checked"));
        page.Find($"[data-scheme='{schemeId}']").Click();
        await page.WaitForAssertionAsync(() => Assert.Equal("3554215", page.Find("[data-breakdown] [data-final-price]").GetAttribute("data-final-price")));
        page.Find("[data-action='confirm']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("subscribed", page.Find("[data-sheet-status]").GetAttribute("data-sheet-status")));
        Assert.Equal("3554215", page.Find("[data-deal] [data-final-price]").GetAttribute("data-final-price"));
        await using var db = Database.Open();
        var deal = await db.Deals.SingleAsync(d => d.UnitId == Project.UnitId("1#-501"));
        Assert.Equal((3_554_215m, Project.OneOffPlanId), (deal.FinalPrice, deal.PaymentPlanId));
    }

    [Fact]
    public async Task GoingBackFromTheTermsWritesNothing()
    {
        await HoldAsync("1#-501", People.Wang);
        var page = await OpenSheetAsync("1#-501", "held");

        page.Find("[data-action='subscribe']").Click();
        await page.WaitForElementAsync("[data-terms='subscribe']");
        page.Find("[data-action='back']").Click();

        await page.WaitForElementAsync("[data-action='release']");
        Assert.Empty(page.FindAll("[data-terms]"));
        await using var db = Database.Open();
        Assert.Equal((UnitStatus.Held, 2), await db.Units.Where(u => u.Id == Project.UnitId("1#-501")).Select(u => new ValueTuple<UnitStatus, int>(u.Status, u.Version)).SingleAsync());
    }

    [Fact]
    public async Task TermsTheUnitNoLongerAllowsCloseWhenSomebodyElseMovesItOn()
    {
        await HoldAsync("1#-501", People.Wang);
        var page = await OpenSheetAsync("1#-501", "held");
        page.Find("[data-action='subscribe']").Click();
        await page.WaitForElementAsync("[data-terms='subscribe']");

        // A manager signs the agent's deal from another screen.
        var signed = await Units.ExecuteAsync(Project.UnitId("1#-501"), UnitAction.Sign,
            new UnitCommand(2, PlanId: Project.OneOffPlanId, ContractNo: "HT-2026-0501"), People.Chen);

        Assert.IsType<CommandResult.Done>(signed);
        await page.WaitForAssertionAsync(() => Assert.Equal("signed", page.Find("[data-sheet-status]").GetAttribute("data-sheet-status")));
        Assert.Empty(page.FindAll("[data-terms]"));
    }

    private async Task<int> AddDiscountAsync(DiscountTerms terms)
    {
        await using var db = Database.Open();
        var scheme = new DiscountScheme(Project.Id, terms);
        db.DiscountSchemes.Add(scheme);
        await db.SaveChangesAsync();
        return scheme.Id;
    }

    private async Task<IRenderedComponent<BoardPage>> OpenSheetAsync(string code, string status)
    {
        var page = Render<BoardPage>();
        await page.WaitForElementAsync($"[data-unit-code='{code}']");
        page.Find($"[data-unit-code='{code}']").Click();
        await page.WaitForAssertionAsync(() => Assert.Equal(status, page.Find($"[data-sheet='{code}'] [data-sheet-status]").GetAttribute("data-sheet-status")));
        return page;
    }
}
