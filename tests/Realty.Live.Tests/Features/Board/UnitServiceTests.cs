using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Localization;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Board;

public sealed class UnitServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    public async Task InitializeAsync() =>
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower().WithHoldMinutes(45).Unreleased("1#-1001", "1#-1002"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HoldOpensADealWritesOneEventAndPublishesTheChange()
    {
        var unitId = _project.UnitId("1#-501");

        var result = await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, Hold(1, "  张伟 ", "138 0013 8000"), People.Wang);

        var unit = Assert.IsType<CommandResult.Done>(result).Unit;
        Assert.Equal("held", unit.Status);
        Assert.Equal(2, unit.Version);
        Assert.Equal(_app.Now.AddMinutes(45), unit.HoldExpiresAt);
        Assert.Equal(People.Wang.Name, unit.StatusChangedBy);
        var deal = unit.Deal!;
        Assert.Equal(("held", "张伟", "13800138000", People.Wang.Name, unit.ListPrice, unit.FloorPrice, _app.Now, true),
            (deal.Stage, deal.CustomerName, deal.CustomerPhone, deal.AgentName, deal.Price, deal.FloorPrice, deal.OpenedAt, deal.CanAct));
        // A hold agrees no price or money yet.
        Assert.Equal((null, null, 0m), (deal.FinalPrice, deal.PlanId, deal.Paid));

        await using var db = _app.Open();
        var change = await db.UnitEvents.SingleAsync(e => e.UnitId == unitId);
        Assert.Equal((UnitAction.Hold, UnitStatus.Available, UnitStatus.Held, 2, People.Wang.Id, deal.Id), (change.Action, change.From, change.To, change.Version, change.ActorId, change.DealId));
        var stored = await db.Units.SingleAsync(u => u.Id == unitId);
        Assert.Equal((UnitStatus.Held, 2), (stored.Status, stored.Version));

        var published = Assert.Single(_app.Published.Of<UnitChanged>());
        Assert.Equal(
            new UnitChanged(_project.Id, unitId, "1#-501", _project.Buildings["1#"], UnitAction.Hold, UnitStatus.Available, UnitStatus.Held, 2, People.Wang.Name, _app.Now, unit.ListPrice),
            published);
    }

    public static TheoryData<string, UnitAction, string> ActionsAndTheirOutcome() => new()
    {
        { "1#-1001", UnitAction.Publish, "available" },
        { "1#-301", UnitAction.Withdraw, "unreleased" },
        { "1#-301", UnitAction.Withhold, "withheld" },
        { "1#-301", UnitAction.Hold, "held" },
        { "1#-301", UnitAction.Deposit, "deposited" },
        { "1#-301", UnitAction.Subscribe, "subscribed" },
        { "1#-301", UnitAction.Sign, "signed" },
    };

    [Theory]
    [MemberData(nameof(ActionsAndTheirOutcome))]
    public async Task EachActionFromItsStartingStateIsDone(string code, UnitAction action, string status)
    {
        var unitId = _project.UnitId(code);
        var actor = Unit.IsManagerOnly(action) ? People.Chen : People.Wang;

        var result = await _app.Units.ExecuteAsync(unitId, action, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone, "样板间", PlanId: _project.OneOffPlanId, ContractNo: "HT-2026-0001"), actor);

        var unit = Assert.IsType<CommandResult.Done>(result).Unit;
        Assert.Equal(status, unit.Status);
        Assert.Equal(2, unit.Version);
        Assert.Equal(action.ToWire(), Assert.Single(unit.History).Action);
    }

    [Fact]
    public async Task ReleaseClosesTheDealAndReturnsTheUnitToAvailable()
    {
        var unitId = _project.UnitId("1#-501");
        await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, Hold(1), People.Wang);

        var unit = Assert.IsType<CommandResult.Done>(await _app.Units.ExecuteAsync(unitId, UnitAction.Release, new UnitCommand(2), People.Wang)).Unit;

        Assert.Equal("available", unit.Status);
        Assert.Null(unit.Deal);
        Assert.Null(unit.HoldExpiresAt);
        await using var db = _app.Open();
        var deal = await db.Deals.SingleAsync(d => d.UnitId == unitId);
        Assert.Equal(UnitAction.Release, deal.CloseReason);
    }

    [Fact]
    public async Task WithholdAndUnwithholdKeepThenForgetTheReason()
    {
        var unitId = _project.UnitId("1#-501");

        var withheld = Assert.IsType<CommandResult.Done>(await _app.Units.ExecuteAsync(unitId, UnitAction.Withhold, new UnitCommand(1, Reason: "样板间"), People.Chen)).Unit;
        var released = Assert.IsType<CommandResult.Done>(await _app.Units.ExecuteAsync(unitId, UnitAction.Unwithhold, new UnitCommand(2), People.Chen)).Unit;

        Assert.Equal(("withheld", "样板间"), (withheld.Status, withheld.WithheldReason));
        Assert.Equal(("available", null), (released.Status, released.WithheldReason));
        Assert.Equal("样板间", released.History[1].Reason);
    }

    [Fact]
    public async Task ADealMovesOnThroughDepositSubscriptionAndContractKeepingItsCustomer()
    {
        var unitId = _project.UnitId("1#-501");
        await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, Hold(1), People.Wang);

        await _app.Units.ExecuteAsync(unitId, UnitAction.Deposit, new UnitCommand(2), People.Wang);
        await _app.Units.ExecuteAsync(unitId, UnitAction.Subscribe, new UnitCommand(3, PlanId: _project.OneOffPlanId), People.Wang);
        var signed = Assert.IsType<CommandResult.Done>(await _app.Units.ExecuteAsync(unitId, UnitAction.Sign, new UnitCommand(4, ContractNo: "HT-2026-0001"), People.Wang)).Unit;

        Assert.Equal(("signed", 5), (signed.Status, signed.Version));
        Assert.Equal(("signed", Customers.ZhangName), (signed.Deal!.Stage, signed.Deal.CustomerName));
        Assert.Equal(["sign", "subscribe", "deposit", "hold"], signed.History.Select(e => e.Action));
        await using var db = _app.Open();
        Assert.Equal(1, await db.Deals.CountAsync(d => d.UnitId == unitId));
        Assert.Equal(4, await db.UnitEvents.CountAsync(e => e.UnitId == unitId && e.DealId == signed.Deal.Id));
    }

    [Fact]
    public async Task DetailsShowTheCustomersNumberOnlyToTheDealsAgentAndManagers()
    {
        var unitId = _project.UnitId("1#-501");
        await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, Hold(1), People.Wang);

        var own = (await _app.Units.GetAsync(unitId, People.Wang))!.Deal!;
        var other = (await _app.Units.GetAsync(unitId, People.Li))!.Deal!;
        var manager = (await _app.Units.GetAsync(unitId, People.Chen))!.Deal!;

        Assert.Equal((Customers.ZhangPhone, true), (own.CustomerPhone, own.CanAct));
        Assert.Equal(("138****8000", false), (other.CustomerPhone, other.CanAct));
        Assert.Equal((Customers.ZhangPhone, true), (manager.CustomerPhone, manager.CanAct));
        Assert.Equal(Customers.ZhangName, other.CustomerName);
    }

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("+447946000123", "+44******0123")]
    [InlineData("1234567", "*******")]
    [InlineData("12345678", "123*5678")]
    public void MaskPhoneKeepsTheFirstThreeAndLastFourDigits(string phone, string masked)
    {
        Assert.Equal(masked, UnitService.MaskPhone(phone));
    }

    [Fact]
    public async Task DetailsDescribeTheUnitAndItsLatestHistoryNewestFirst()
    {
        var unitId = _project.UnitId("1#-501");
        for (var version = 1; version <= 12; version += 2)
        {
            await _app.Units.ExecuteAsync(unitId, UnitAction.Withdraw, new UnitCommand(version), People.Chen);
            _app.Clock.Advance(TimeSpan.FromMinutes(1));
            await _app.Units.ExecuteAsync(unitId, UnitAction.Publish, new UnitCommand(version + 1), People.Chen);
            _app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var unit = (await _app.Units.GetAsync(unitId, People.Wang))!;

        Assert.Equal(("1#-501", "1#", 5, "01", "A", "3房2厅1卫", 89m, 13), (unit.Code, unit.Building, unit.Floor, unit.Stack, unit.Layout, unit.LayoutName, unit.GrossArea, unit.Version));
        Assert.Equal(UnitService.HistoryLength, unit.History.Count);
        Assert.Equal("publish", unit.History[0].Action);
        Assert.Equal(("withdraw", "available", "unreleased"), (unit.History[1].Action, unit.History[1].From, unit.History[1].To));
        Assert.True(unit.History.Zip(unit.History.Skip(1)).All(p => p.First.At > p.Second.At));
    }

    [Fact]
    public async Task DetailsOfAnUnknownUnitAreNull()
    {
        Assert.Null(await _app.Units.GetAsync(987_654, People.Wang));
    }

    [Theory]
    [InlineData("张伟", "12345", "customer.phone.invalid")]
    [InlineData("", Customers.ZhangPhone, "customer.name.required")]
    [InlineData("<b>张伟</b>", Customers.ZhangPhone, "customer.name.invalid")]
    [InlineData(null, null, "customer.required")]
    public async Task HoldWithABadCustomerIsRejectedAndNothingChanges(string? name, string? phone, string messageKey)
    {
        var unitId = _project.UnitId("1#-501");

        var result = await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, new UnitCommand(1, name, phone), People.Wang);

        Assert.Equal(L.T(messageKey, phone), Assert.IsType<CommandResult.Rejected>(result).Message);
        await AssertUntouchedAsync(unitId, UnitStatus.Available, version: 1);
    }

    [Fact]
    public async Task ReleaseOfAnAvailableUnitIsRejectedForItsState()
    {
        var unitId = _project.UnitId("1#-501");

        var result = await _app.Units.ExecuteAsync(unitId, UnitAction.Release, new UnitCommand(1), People.Wang);

        Assert.Equal(L.T("unit.wrongState", "1#-501", UnitStatus.Available, UnitAction.Release), Assert.IsType<CommandResult.Rejected>(result).Message);
        await AssertUntouchedAsync(unitId, UnitStatus.Available, version: 1);
    }

    [Fact]
    public async Task WithholdByAnAgentIsRejected()
    {
        var unitId = _project.UnitId("1#-501");

        var result = await _app.Units.ExecuteAsync(unitId, UnitAction.Withhold, new UnitCommand(1, Reason: "自己留着"), People.Wang);

        Assert.Equal(L.T("unit.managerOnly", UnitAction.Withhold), Assert.IsType<CommandResult.Rejected>(result).Message);
        await AssertUntouchedAsync(unitId, UnitStatus.Available, version: 1);
    }

    [Fact]
    public async Task MovingAnotherAgentsDealIsRejectedNamingTheAgent()
    {
        var unitId = _project.UnitId("1#-501");
        await _app.Units.ExecuteAsync(unitId, UnitAction.Hold, Hold(1), People.Wang);

        var result = await _app.Units.ExecuteAsync(unitId, UnitAction.Subscribe, new UnitCommand(2, Customers.ZhaoName, Customers.ZhaoPhone), People.Li);

        var message = Assert.IsType<CommandResult.Rejected>(result).Message;
        Assert.Equal(L.T("unit.notYourDeal", "1#-501", People.Wang.Name), message);
        Assert.Contains(People.Wang.Name, message);
        await AssertUntouchedAsync(unitId, UnitStatus.Held, version: 2, events: 1, published: 1);
    }

    [Fact]
    public async Task AnUnknownUnitIsNotFound()
    {
        var result = await _app.Units.ExecuteAsync(987_654, UnitAction.Hold, Hold(1), People.Wang);

        Assert.Equal(L.T("unit.notFound"), Assert.IsType<CommandResult.NotFound>(result).Message);
        Assert.Empty(_app.Published.Messages);
    }

    private static UnitCommand Hold(int expectedVersion, string name = Customers.ZhangName, string phone = Customers.ZhangPhone) =>
        new(expectedVersion, name, phone);

    private async Task AssertUntouchedAsync(int unitId, UnitStatus status, int version, int events = 0, int published = 0)
    {
        await using var db = _app.Open();
        var unit = await db.Units.Include(u => u.Deals).SingleAsync(u => u.Id == unitId);
        Assert.Equal((status, version), (unit.Status, unit.Version));
        Assert.Equal(events, await db.UnitEvents.CountAsync(e => e.UnitId == unitId));
        Assert.Equal(status == UnitStatus.Available ? 0 : 1, unit.Deals.Count);
        Assert.Equal(published, _app.Published.Messages.Count);
    }
}
