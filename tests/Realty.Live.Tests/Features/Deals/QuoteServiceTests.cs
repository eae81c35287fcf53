using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Deals;
using Realty.Live.Web.Localization;
using static Realty.Live.Web.Domain.ReceivableKind;

namespace Realty.Live.Tests.Features.Deals;

/// <summary>The price and payments shown to a buyer of 1#-501 (89 m² at 40,750: 3,626,750) on 22 Nov 2026.</summary>
public sealed class QuoteServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private QuoteService _quotes = default!;
    private int _mortgage;
    private int _ninetyEight;
    private int _unit;

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        _quotes = new QuoteService(_app.Database.Factory(), _app.Clock);
        _mortgage = await _app.AddPlanAsync(_project.Id, new PaymentPlanTerms("30%首付按揭", PaymentPlanKind.Mortgage, 30, DownPaymentDays: 7, LoanPercent: 70, LoanDays: 60));
        _ninetyEight = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("98折", DiscountKind.Percent, 98m));
        _unit = _project.UnitId("1#-501");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheOptionsAreThePlansAndDiscountsOfferedTodaySayingWhichDoNotFitTheUnit()
    {
        await _app.AddPlanAsync(_project.Id, new PaymentPlanTerms("旧分期", PaymentPlanKind.OneOff, 100), retired: true);
        await _app.AddSchemeAsync(_project.Id, new DiscountTerms("国庆特惠", DiscountKind.Percent, 95m, ValidTo: new DateOnly(2026, 10, 7)));
        await _app.AddSchemeAsync(_project.Id, new DiscountTerms("开盘特惠", DiscountKind.AmountOffTotal, 30_000m), retired: true);
        var otherStack = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("02户特惠", DiscountKind.AmountOffPerM2, 300m, Stacks: ["02"]));

        var options = (await _quotes.OptionsAsync(_unit))!;

        Assert.Equal([_project.OneOffPlanId, _mortgage], options.Plans.Select(p => p.Id));
        Assert.Equal([(_ninetyEight, null), (otherStack, L.T("discount.notForStack", "02户特惠", "1#-501"))], options.Schemes.Select(s => (s.Id, s.NotHere)));
        Assert.Equal((20_000m, 50_000m), (options.DefaultDeposit, options.DefaultEarnest));
        Assert.Null(await _quotes.OptionsAsync(987_654));
    }

    [Fact]
    public async Task AQuoteShowsTheBreakdownAndTheScheduleFromToday()
    {
        var result = await _quotes.QuoteAsync(_unit, [_ninetyEight], _mortgage, People.Wang);

        var quote = Assert.IsType<QuoteResult.Ok>(result).Quote;
        // 3,626,750 × 0.98 = 3,554,215, that is 39,935 per m² (40,750 × 0.98)
        Assert.Equal((3_626_750m, 3_554_215m, 39_935m, false), (quote.ListPrice, quote.FinalPrice, quote.FinalUnitPrice, quote.BelowFloor));
        Assert.Equal(new PriceLineSummary(_ninetyEight, "98折", "percent", 98m, -72_535m, 3_554_215m), Assert.Single(quote.Lines));
        // Counted from today, 22 Nov: the default earnest 50,000 now; down 1,066,264.50 − 50,000 on 29 Nov; loan 2,487,950.50 on 21 Jan
        Assert.Equal(
            [
                new ScheduleLine(Earnest, 1, new DateOnly(2026, 11, 22), 50_000m),
                new ScheduleLine(DownPayment, 2, new DateOnly(2026, 11, 29), 1_016_264.50m),
                new ScheduleLine(MortgageLoan, 3, new DateOnly(2027, 1, 21), 2_487_950.50m),
            ],
            quote.Schedule);
        Assert.Equal((2_487_950.50m, 50_000m, new DateOnly(2026, 11, 22), "30%首付按揭"), (quote.Loan, quote.Earnest, quote.ContractDate, quote.Plan!.Name));
    }

    [Fact]
    public async Task AQuoteWithoutAPlanHasNoSchedule()
    {
        var quote = Assert.IsType<QuoteResult.Ok>(await _quotes.QuoteAsync(_unit, [], null, People.Wang)).Quote;

        Assert.Equal((3_626_750m, null, 0m), (quote.FinalPrice, quote.Plan, quote.Loan));
        Assert.Empty(quote.Schedule);
    }

    [Fact]
    public async Task AQuoteOfASubscribedUnitUsesTheDealsEarnestAndSigningDate()
    {
        await _app.StepAsync(_unit, UnitAction.Subscribe, new UnitCommand(0, Customers.ZhangName, Customers.ZhangPhone, PlanId: _mortgage, Earnest: 100_000m));
        _app.Clock.Advance(TimeSpan.FromDays(2));

        var quote = Assert.IsType<QuoteResult.Ok>(await _quotes.QuoteAsync(_unit, [], _mortgage, People.Wang)).Quote;

        // Sign by 22 Nov + 7 = 29 Nov; the earnest was paid on 22 Nov.
        Assert.Equal((100_000m, new DateOnly(2026, 11, 29)), (quote.Earnest, quote.ContractDate));
        Assert.Equal(new ScheduleLine(Earnest, 1, new DateOnly(2026, 11, 22), 100_000m), quote.Schedule[0]);
    }

    [Fact]
    public async Task ABadQuoteIsRefusedWithItsReason()
    {
        var expired = await _app.AddSchemeAsync(_project.Id, new DiscountTerms("国庆特惠", DiscountKind.Percent, 95m, ValidTo: new DateOnly(2026, 10, 7)));

        var plan = await _quotes.QuoteAsync(_unit, [], 987_654, People.Wang);
        var scheme = await _quotes.QuoteAsync(_unit, [987_654], null, People.Wang);
        var old = await _quotes.QuoteAsync(_unit, [expired], null, People.Wang);
        var unit = await _quotes.QuoteAsync(987_654, [], null, People.Wang);

        Assert.Equal(L.T("plan.unknown"), Assert.IsType<QuoteResult.Refused>(plan).Message);
        Assert.Equal(L.T("discount.unknown"), Assert.IsType<QuoteResult.Refused>(scheme).Message);
        Assert.Equal(L.T("discount.notValidToday", "国庆特惠", "1#-501"), Assert.IsType<QuoteResult.Refused>(old).Message);
        Assert.Equal(L.T("unit.notFound"), Assert.IsType<QuoteResult.NotFound>(unit).Message);
    }

    [Fact]
    public async Task AQuoteChangesNothing()
    {
        var before = await _app.LedgerAsync();

        await _quotes.QuoteAsync(_unit, [_ninetyEight], _mortgage, People.Wang);

        Assert.Equal(before, await _app.LedgerAsync());
        Assert.Empty(_app.Published.Messages);
    }
}
