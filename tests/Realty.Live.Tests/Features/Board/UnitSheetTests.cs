using Bunit;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Board;

namespace Realty.Live.Tests.Features.Board;

public sealed class UnitSheetTests : BoardComponentTest
{
    private readonly CustomerDraft _draft = new();

    [Fact]
    public async Task AnAgentSeesTheUnitsFactsAndOnlyTheSalesActions()
    {
        var sheet = await OpenAsync("1#-501");

        Assert.Equal("1#-501", sheet.Find("[data-sheet]").GetAttribute("data-sheet"));
        Assert.Equal(("available", "1"), (sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status"), sheet.Find("[data-sheet-status]").GetAttribute("data-version")));
        Assert.Equal(["hold", "deposit", "subscribe", "sign"], Actions(sheet));
        Assert.NotNull(sheet.Find("[data-field='customer-name']"));
    }

    [Fact]
    public async Task AManagerAlsoSeesWithdrawAndWithholdWithAReasonField()
    {
        SignInAs(People.Chen);

        var sheet = await OpenAsync("1#-501");

        Assert.Equal(["withdraw", "withhold", "hold", "deposit", "subscribe", "sign"], Actions(sheet));
        Assert.NotNull(sheet.Find("[data-field='reason']"));
    }

    [Fact]
    public async Task HoldingForTheTypedCustomerMovesTheUnitAndClearsTheDraft()
    {
        var sheet = await OpenAsync("1#-501");
        sheet.Find("[data-field='customer-name']").Input("王先生");
        sheet.Find("[data-field='customer-phone']").Input("139 1234 5678");

        sheet.Find("[data-action='hold']").Click();

        await sheet.WaitForAssertionAsync(() => Assert.Equal("held", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status")));
        Assert.Equal(("王先生", "13912345678"), (sheet.Find("[data-deal] strong").TextContent, sheet.Find("[data-deal-phone]").TextContent));
        Assert.Equal(["release", "deposit", "subscribe", "sign"], Actions(sheet));
        Assert.Null(_draft.Name);
        Assert.Null(_draft.Phone);
    }

    [Fact]
    public async Task AStaleUnitShowsWhoTookItOffersSimilarUnitsAndKeepsTheTypedCustomer()
    {
        var sheet = await OpenAsync("1#-501");
        sheet.Find("[data-field='customer-name']").Input("王先生");
        sheet.Find("[data-field='customer-phone']").Input("13912345678");
        await HoldAsync("1#-501", People.Li);

        sheet.Find("[data-action='hold']").Click();

        var alert = await sheet.WaitForElementAsync("[data-message='conflict']");
        Assert.Contains(People.Li.Name, alert.TextContent);
        Assert.Contains("1#-501", alert.TextContent);
        Assert.Equal(["1#-401", "1#-601", "1#-301"], sheet.FindAll("[data-similar-unit]").Select(b => b.GetAttribute("data-similar-unit")));
        Assert.Equal("held", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status"));
        Assert.Equal(("王先生", "13912345678"), (_draft.Name, _draft.Phone));
    }

    [Fact]
    public async Task PickingASimilarUnitOpensItWithTheCustomerStillTyped()
    {
        int? picked = null;
        var sheet = await OpenAsync("1#-501", onPick: id => picked = id);
        sheet.Find("[data-field='customer-name']").Input("王先生");
        sheet.Find("[data-field='customer-phone']").Input("13912345678");
        await HoldAsync("1#-501", People.Li);
        sheet.Find("[data-action='hold']").Click();
        var similar = await sheet.WaitForElementAsync("[data-similar-unit='1#-401']");

        similar.Click();
        sheet.Render(p => p.Add(s => s.UnitId, picked));

        Assert.Equal(Project.UnitId("1#-401"), picked);
        await sheet.WaitForAssertionAsync(() => Assert.Equal("1#-401", sheet.Find("[data-sheet]").GetAttribute("data-sheet")));
        Assert.Equal(("王先生", "13912345678"), (sheet.Find("[data-field='customer-name']").GetAttribute("value"), sheet.Find("[data-field='customer-phone']").GetAttribute("value")));
        Assert.Empty(sheet.FindAll("[data-message]"));
    }

    [Fact]
    public async Task ABadMobileIsShownAndNothingIsLost()
    {
        var sheet = await OpenAsync("1#-501");
        sheet.Find("[data-field='customer-name']").Input("王先生");
        sheet.Find("[data-field='customer-phone']").Input("12345");

        sheet.Find("[data-action='hold']").Click();

        var alert = await sheet.WaitForElementAsync("[data-message='error']");
        Assert.Contains("12345", alert.TextContent);
        Assert.Equal(("available", "1"), (sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status"), sheet.Find("[data-sheet-status]").GetAttribute("data-version")));
        Assert.Equal(("王先生", "12345"), (_draft.Name, _draft.Phone));
    }

    [Fact]
    public async Task AnotherAgentsDealShowsAMaskedNumberAndNoDealActions()
    {
        await HoldAsync("1#-501", People.Li);

        var sheet = await OpenAsync("1#-501");

        Assert.Equal("139****5678", sheet.Find("[data-deal-phone]").TextContent);
        Assert.Empty(Actions(sheet));
    }

    [Fact]
    public async Task WhenTheBoardsVersionMovesOnTheSheetReloads()
    {
        var sheet = await OpenAsync("1#-501");
        await HoldAsync("1#-501", People.Li);

        sheet.Render(p => p.Add(s => s.CellVersion, 2));

        await sheet.WaitForAssertionAsync(() => Assert.Equal("held", sheet.Find("[data-sheet-status]").GetAttribute("data-sheet-status")));
    }

    [Fact]
    public async Task ClosingAsksTheBoardToCloseTheSheet()
    {
        var closed = false;
        var sheet = await OpenAsync("1#-501", onClose: () => closed = true);

        sheet.Find("[data-action='close']").Click();

        Assert.True(closed);
    }

    private async Task<IRenderedComponent<UnitSheet>> OpenAsync(string code, Action<int>? onPick = null, Action? onClose = null)
    {
        var sheet = Render<UnitSheet>(p => p
            .Add(s => s.UnitId, Project.UnitId(code))
            .Add(s => s.CellVersion, 1)
            .Add(s => s.Draft, _draft)
            .Add(s => s.OnPick, onPick ?? (_ => { }))
            .Add(s => s.OnClose, onClose ?? (() => { })));
        await sheet.WaitForElementAsync("[data-sheet-status]");
        return sheet;
    }

    private static List<string?> Actions(IRenderedComponent<UnitSheet> sheet) =>
        [.. sheet.FindAll(".actions [data-action]").Select(b => b.GetAttribute("data-action"))];
}
