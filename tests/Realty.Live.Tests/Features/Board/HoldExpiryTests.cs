using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Deals;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Board;

public sealed class HoldExpiryTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower().WithHoldMinutes(30));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AHoldPastItsMinutesReturnsToAvailableWithAnExpireEvent()
    {
        var unitId = await HoldAsync("1#-501");
        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        var expired = await _app.Units.ExpireDueAsync();

        Assert.Equal(unitId, Assert.Single(expired).UnitId);
        await using var db = _app.Open();
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        Assert.Equal((UnitStatus.Available, 3, null), (unit.Status, unit.Version, unit.HoldExpiresAt));
        var change = await db.UnitEvents.OrderBy(e => e.Id).LastAsync(e => e.UnitId == unitId);
        Assert.Equal((UnitAction.Expire, UnitStatus.Held, UnitStatus.Available, Actor.System.Id), (change.Action, change.From, change.To, change.ActorId));
        var deal = await db.Deals.SingleAsync(d => d.UnitId == unitId);
        Assert.Equal((UnitAction.Expire, _app.Now), (deal.CloseReason, deal.ClosedAt));
        var published = _app.Published.Of<UnitChanged>()[^1];
        Assert.Equal((unitId, UnitAction.Expire, UnitStatus.Available, 3, Actor.System.Name), (published.UnitId, published.Action, published.Status, published.Version, published.By));
    }

    [Fact]
    public async Task AFreshHoldStays()
    {
        var old = await HoldAsync("1#-501");
        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        var fresh = await HoldAsync("1#-601");
        _app.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Single(await _app.Units.ExpireDueAsync());

        Assert.Equal("available", (await _app.Units.GetAsync(old, People.Wang))!.Status);
        Assert.Equal("held", (await _app.Units.GetAsync(fresh, People.Wang))!.Status);
    }

    [Fact]
    public async Task RunningTheExpiryTwiceIsHarmless()
    {
        await HoldAsync("1#-501");
        await HoldAsync("1#-502");
        _app.Clock.Advance(TimeSpan.FromHours(1));

        var first = await _app.Units.ExpireDueAsync();
        var published = _app.Published.Messages.Count;
        var second = await _app.Units.ExpireDueAsync();

        Assert.Equal((2, 0), (first.Count, second.Count));
        Assert.Equal(published, _app.Published.Messages.Count);
        await using var db = _app.Open();
        Assert.Equal(2, await db.UnitEvents.CountAsync(e => e.Action == UnitAction.Expire));
    }

    [Fact]
    public async Task ADepositLastsItsDaysNotTheHoldsMinutes()
    {
        var unitId = await HoldAsync("1#-501");
        await _app.Units.ExecuteAsync(unitId, UnitAction.Deposit, new UnitCommand(2), People.Wang);
        _app.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Empty(await _app.Units.ExpireDueAsync());
        Assert.Equal("deposited", (await _app.Units.GetAsync(unitId, People.Wang))!.Status);
    }

    [Fact]
    public async Task ADepositPastItsDaysGoesBackOnSaleAndItsAgentIsReminded()
    {
        var unitId = await HoldAsync("1#-501");
        await _app.Units.ExecuteAsync(unitId, UnitAction.Deposit, new UnitCommand(2), People.Wang);
        _app.Clock.Advance(TimeSpan.FromDays(3));

        await _app.Service<DeadlinesJob>().RunAsync();

        Assert.Equal("available", (await _app.Units.GetAsync(unitId, People.Wang))!.Status);
        await using var db = _app.Open();
        var reminder = await db.Reminders.SingleAsync();
        Assert.Equal((ReminderKind.DepositExpired, People.Wang.Id, "1#-501"), (reminder.Kind, reminder.RecipientId, reminder.UnitCode));
        Assert.Empty(await db.Receivables.ToListAsync());
    }

    [Fact]
    public async Task TheRecurringJobExpiresDueHolds()
    {
        var unitId = await HoldAsync("1#-501");
        _app.Clock.Advance(TimeSpan.FromMinutes(30));

        await _app.Service<DeadlinesJob>().RunAsync();

        Assert.Equal("available", (await _app.Units.GetAsync(unitId, People.Wang))!.Status);
    }

    private async Task<int> HoldAsync(string code)
    {
        var unitId = _project.UnitId(code);
        var result = await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone), People.Wang);
        Assert.IsType<CommandResult.Done>(result);
        return unitId;
    }
}
