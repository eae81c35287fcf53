using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Deals;
using Realty.Live.Web.Features.Setup;

namespace Realty.Live.Tests.Features.Setup;

public sealed class SalesTermsServiceTests : IAsyncLifetime
{
    private static readonly ProjectSettings Usual = new(45, 3, 7, 20_000m, 50_000m, 50_000m, 2, "Asia/Shanghai");

    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private SalesTermsService Terms => _app.Service<SalesTermsService>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NewDeadlinesAndAmountsAreKeptToTheFen()
    {
        Assert.Null(await Terms.UpdateSettingsAsync(_project.Id, Usual with { SignWithinDays = 15, DefaultEarnest = 80_000.456m, TimeZoneId = "Asia/Hong_Kong" }));

        var settings = (await Terms.GetAsync(_project.Id))!.Settings;
        Assert.Equal((15, 80_000.46m, "Asia/Hong_Kong"), (settings.SignWithinDays, settings.DefaultEarnest, settings.TimeZoneId));
    }

    [Theory]
    [InlineData(0, 3, "A hold lasts 5 minutes to 24 hours.")]
    [InlineData(45, 0, "A deposit lasts 1 to 30 days.")]
    public async Task AnImpossibleDeadlineIsRefusedAndChangesNothing(int holdMinutes, int depositDays, string message)
    {
        using var _ = CultureScope.Of("en");
        var before = (await Terms.GetAsync(_project.Id))!.Settings;

        var refusal = await Terms.UpdateSettingsAsync(_project.Id, Usual with { HoldMinutes = holdMinutes, DepositDays = depositDays, SignWithinDays = 30 });

        Assert.Equal(message, refusal?.Message);
        Assert.Equal(before, (await Terms.GetAsync(_project.Id))!.Settings);
    }

    [Fact]
    public async Task AnUnknownTimeZoneIsRefusedByName()
    {
        using var _ = CultureScope.Of("zh-CN");

        var refusal = await Terms.UpdateSettingsAsync(_project.Id, Usual with { TimeZoneId = "Mars/Olympus" });

        Assert.Equal("「Mars/Olympus」不是有效时区，例如 Asia/Shanghai。", refusal?.Message);
    }

    [Fact]
    public async Task APlanWhoseSharesDoNotAddUpIsRefusedAndNotAdded()
    {
        using var _ = CultureScope.Of("en");

        var refusal = await Terms.SavePlanAsync(_project.Id, null, new PaymentPlanTerms("按揭 70%", PaymentPlanKind.Mortgage, 30, LoanPercent: 60));

        Assert.Equal("The shares add up to 90%, not 100%.", refusal?.Message);
        Assert.Single((await Terms.GetAsync(_project.Id))!.Plans);
    }

    [Fact]
    public async Task ANewPlanIsOfferedAtTheDeskAndARetiredOneNoLongerIsThoughItsDealsKeepIt()
    {
        Assert.Null(await Terms.SavePlanAsync(_project.Id, null, new PaymentPlanTerms("按揭 首付30%", PaymentPlanKind.Mortgage, 30, LoanPercent: 70)));
        var mortgage = (await Terms.GetAsync(_project.Id))!.Plans.Single(p => p.Kind == PaymentPlanKind.Mortgage);
        var unitId = _project.UnitId("1#-501");
        Assert.Contains((await _app.Service<QuoteService>().OptionsAsync(unitId))!.Plans, p => p.Id == mortgage.Id);
        var subscribed = await _app.Units.ExecuteAsync(unitId, UnitAction.Subscribe, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone, PlanId: mortgage.Id), People.Wang);
        Assert.IsType<CommandResult.Done>(subscribed);

        Assert.Null(await Terms.RetirePlanAsync(_project.Id, mortgage.Id));

        Assert.DoesNotContain((await _app.Service<QuoteService>().OptionsAsync(unitId))!.Plans, p => p.Id == mortgage.Id);
        var retired = (await Terms.GetAsync(_project.Id))!.Plans.Single(p => p.Id == mortgage.Id);
        Assert.Equal((false, 1), (retired.Active, retired.Deals));
        await using var db = _app.Open();
        Assert.Equal(mortgage.Id, (await db.Deals.SingleAsync(d => d.UnitId == unitId)).PaymentPlanId);
    }

    [Theory]
    [InlineData("09", null, "There is no stack \"09\" in this project.")]
    [InlineData(null, "Z", "There is no layout \"Z\" in this project.")]
    public async Task ADiscountForAStackOrLayoutTheProjectDoesNotHaveIsRefused(string? stack, string? layout, string message)
    {
        using var _ = CultureScope.Of("en");

        var refusal = await Terms.SaveSchemeAsync(_project.Id, null, new DiscountTerms("南向优惠", DiscountKind.Percent, 99,
            Stacks: stack is null ? null : [stack], Layouts: layout is null ? null : [layout]));

        Assert.Equal(message, refusal?.Message);
        Assert.Empty((await Terms.GetAsync(_project.Id))!.Schemes);
    }

    [Fact]
    public async Task ADiscountOfAnotherProjectsPlanIsRefused()
    {
        using var _ = CultureScope.Of("en");

        var refusal = await Terms.SaveSchemeAsync(_project.Id, null, new DiscountTerms("一次性付款优惠", DiscountKind.Points, 2, PaymentPlanId: _project.OneOffPlanId + 100));

        Assert.Equal("This payment plan does not exist in this project or is no longer offered.", refusal?.Message);
    }

    [Fact]
    public async Task AnEditedDiscountIsOfferedWithItsNewTermsAndARetiredOneIsNot()
    {
        var unitId = _project.UnitId("1#-501");
        Assert.Null(await Terms.SaveSchemeAsync(_project.Id, null, new DiscountTerms("开盘优惠", DiscountKind.Percent, 99, Stacks: ["01"])));
        var scheme = Assert.Single((await Terms.GetAsync(_project.Id))!.Schemes);

        Assert.Null(await Terms.SaveSchemeAsync(_project.Id, scheme.Id, scheme.Terms with { Value = 98 }));
        var offered = Assert.Single((await _app.Service<QuoteService>().OptionsAsync(unitId))!.Schemes);
        Assert.Equal((98m, null), (offered.Value, offered.NotHere));

        Assert.Null(await Terms.RetireSchemeAsync(_project.Id, scheme.Id));
        Assert.Empty((await _app.Service<QuoteService>().OptionsAsync(unitId))!.Schemes);
    }
}
