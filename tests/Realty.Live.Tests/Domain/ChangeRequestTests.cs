using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using static Realty.Live.Tests.Support.UnitBuilder;

namespace Realty.Live.Tests.Domain;

public sealed class ChangeRequestTests
{
    private static readonly DateTime Now = Moments.Start;

    [Fact]
    public void ARequestRecordsWhatIsAskedByWhomAndWhy()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();

        var request = new ChangeRequest(unit.LiveDeal!, unit.Code, ChangeKind.Rename, new ChangeDetails(NewCustomer: Customers.Zhao, NewCoBuyers: "李娜"), "  夫妻加名 ", People.Wang, Now);

        Assert.Equal((RequestStatus.Pending, true, ChangeKind.Rename, "1#-501", unit.Id, "夫妻加名", People.Wang.Id, People.Wang.Name, Now, 1),
            (request.Status, request.IsPending, request.Kind, request.UnitCode, request.UnitId, request.Reason, request.RequestedById, request.RequestedByName, request.RequestedAt, request.Version));
        Assert.Equal((Customers.ZhaoName, Customers.ZhaoPhone, "李娜"), (request.NewCustomerName, request.NewCustomerPhone, request.NewCoBuyers));
        Assert.Equal((null, null, null, null), (request.DecidedByName, request.Before, request.After, request.MoneyEffect));
    }

    [Theory]
    [InlineData(null, "change.reason.required")]
    [InlineData("  ", "change.reason.required")]
    public void ARequestNeedsAReason(string? reason, string key)
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();

        var error = Assert.Throws<DomainException>(() => new ChangeRequest(unit.LiveDeal!, unit.Code, ChangeKind.Cancel, new ChangeDetails(), reason, People.Wang, Now));

        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void AReasonHasAtMost200Characters()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();

        var error = Assert.Throws<DomainException>(() => new ChangeRequest(unit.LiveDeal!, unit.Code, ChangeKind.Cancel, new ChangeDetails(), new string('因', 201), People.Wang, Now));

        Assert.Equal(("change.reason.tooLong", 200), (error.Key, Assert.Single(error.Args)));
    }

    [Fact]
    public void AManagerApprovesAndTheRequestBecomesTheChangeLogsEntry()
    {
        var request = ARequest();

        request.Approve(People.Chen, Now.AddHours(1), " 同意 ", "1#-501 · 张伟 · ¥4,200,000.00", "1#-502 · 张伟 · ¥4,350,000.00", 150_000m);

        Assert.Equal((RequestStatus.Approved, false, People.Chen.Name, Now.AddHours(1), "同意", 2),
            (request.Status, request.IsPending, request.DecidedByName, request.DecidedAt, request.DecisionNote, request.Version));
        Assert.Equal(("1#-501 · 张伟 · ¥4,200,000.00", "1#-502 · 张伟 · ¥4,350,000.00", 150_000m), (request.Before, request.After, request.MoneyEffect));
    }

    [Fact]
    public void OnlyAManagerDecides()
    {
        var request = ARequest();

        var approve = Assert.Throws<DomainException>(() => request.Approve(People.Li, Now, null, "", "", 0));
        var reject = Assert.Throws<DomainException>(() => request.Reject(People.Wang, Now, "不行"));

        Assert.Equal(("change.managerOnly", "change.managerOnly"), (approve.Key, reject.Key));
        Assert.Equal((RequestStatus.Pending, 1), (request.Status, request.Version));
    }

    [Fact]
    public void ARejectionSaysWhy()
    {
        var request = ARequest();

        var silent = Assert.Throws<DomainException>(() => request.Reject(People.Chen, Now, "  "));
        request.Reject(People.Chen, Now, "价格低于底价太多");

        Assert.Equal("change.note.required", silent.Key);
        Assert.Equal((RequestStatus.Rejected, "价格低于底价太多", People.Chen.Name, 2), (request.Status, request.DecisionNote, request.DecidedByName, request.Version));
        Assert.Null(request.MoneyEffect);
    }

    [Fact]
    public void ANoteHasAtMost200Characters()
    {
        var request = ARequest();

        var error = Assert.Throws<DomainException>(() => request.Reject(People.Chen, Now, new string('不', 201)));

        Assert.Equal("change.note.tooLong", error.Key);
        Assert.True(request.IsPending);
    }

    [Fact]
    public void TheAgentWhoAskedOrAManagerMayWithdraw()
    {
        var own = ARequest();
        var byManager = ARequest();
        var byOther = ARequest();

        own.Withdraw(People.Wang, Now);
        byManager.Withdraw(People.Chen, Now);
        var error = Assert.Throws<DomainException>(() => byOther.Withdraw(People.Li, Now));

        Assert.Equal((RequestStatus.Withdrawn, RequestStatus.Withdrawn, RequestStatus.Pending), (own.Status, byManager.Status, byOther.Status));
        Assert.Equal(("change.notYours", People.Wang.Name), (error.Key, Assert.Single(error.Args)));
    }

    [Fact]
    public void ADecidedRequestCannotBeDecidedAgain()
    {
        var request = ARequest();
        request.Reject(People.Chen, Now, "不行");

        var again = Assert.Throws<DomainException>(() => request.Approve(People.Chen, Now, null, "", "", 0));
        var withdraw = Assert.Throws<DomainException>(() => request.Withdraw(People.Wang, Now));

        Assert.Equal(("change.notPending", RequestStatus.Rejected), (again.Key, again.Args[0]));
        Assert.Equal("change.notPending", withdraw.Key);
        Assert.Equal((RequestStatus.Rejected, 2), (request.Status, request.Version));
    }

    [Fact]
    public void ThePendingChangeShowsOnTheUnitAndBlocksItsNextStep()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();

        var asked = unit.RequestChange(People.Wang, ChangeKind.Price, Now, "客户要求换付款方式");
        var blocked = Assert.Throws<DomainException>(() => unit.Sign(People.Wang, null, Terms.For(unit, UnitAction.Sign, Now), Now));
        var second = Assert.Throws<DomainException>(() => unit.RequestChange(People.Wang, ChangeKind.Cancel, Now, "退房"));

        Assert.Equal((ChangeKind.Price, UnitStatus.Subscribed, UnitAction.RequestChange, "客户要求换付款方式"), (unit.PendingChange, unit.Status, asked.Action, asked.Reason));
        Assert.Equal(("change.pendingBlocks", "change.alreadyPending"), (blocked.Key, second.Key));
        Assert.Equal(UnitStatus.Subscribed, unit.Status);
    }

    [Fact]
    public void DroppingTheChangeClearsTheMarker()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).Build();
        unit.RequestChange(People.Wang, ChangeKind.Rename, Now, "加名");

        var dropped = unit.DropChange(People.Chen, Now, "不同意");

        Assert.Null(unit.PendingChange);
        Assert.Equal((UnitAction.DropChange, UnitStatus.Subscribed, "不同意"), (dropped.Action, dropped.To, dropped.Reason));
    }

    [Theory]
    [InlineData(UnitStatus.Held, ChangeKind.ChangeUnit)]
    [InlineData(UnitStatus.Held, ChangeKind.Cancel)]
    [InlineData(UnitStatus.Held, ChangeKind.Rename)]
    [InlineData(UnitStatus.Deposited, ChangeKind.Cancel)]
    public void SomeChangesAreNotForEveryStage(UnitStatus stage, ChangeKind kind)
    {
        // A hold or a deposit is released rather than cancelled; a hold has no buyer's papers to rename.
        var unit = AUnit().InState(stage).Build();

        var error = Assert.Throws<DomainException>(() => unit.RequestChange(People.Wang, kind, Now, "原因"));

        Assert.Equal(("change.wrongStage", unit.Code, stage), (error.Key, error.Args[0], error.Args[1]));
        Assert.Null(unit.PendingChange);
    }

    [Fact]
    public void AnotherAgentCannotAskToChangeSomeoneElsesDeal()
    {
        var unit = AUnit().InState(UnitStatus.Signed).InDealOf(People.Wang).Build();

        var error = Assert.Throws<DomainException>(() => unit.RequestChange(People.Li, ChangeKind.Rename, Now, "加名"));

        Assert.Equal("unit.notYourDeal", error.Key);
        Assert.Null(unit.PendingChange);
    }

    [Fact]
    public void ACancelReturnsTheUnitToAvailableAndEndsTheDeal()
    {
        var unit = AUnit().InState(UnitStatus.Signed).Build();
        var deal = unit.LiveDeal!;
        unit.RequestChange(People.Wang, ChangeKind.Cancel, Now, "客户资金问题");

        var cancelled = unit.Cancel(People.Chen, Now, "客户资金问题");

        Assert.Equal((UnitStatus.Available, null, null), (unit.Status, unit.PendingChange, unit.LiveDeal));
        Assert.Equal((UnitAction.Cancel, Now), (deal.CloseReason, deal.ClosedAt));
        Assert.Same(deal, cancelled.Deal);
    }

    [Fact]
    public void ChangingUnitMovesTheDealAtItsStageToTheOtherUnitsPrices()
    {
        var from = AUnit().InState(UnitStatus.Subscribed).Build();
        var to = new Unit { Id = 502, ProjectId = 1, BuildingId = 1, Code = "1#-502", Floor = 5, Stack = "02", LayoutId = 2, GrossArea = 128m, NetArea = 99.84m, Orientation = "南", ListPrice = 5_200_000m, FloorPrice = 5_044_000m };
        to.Initialise(UnitStatus.Available, Now.AddDays(-30));
        var deal = from.LiveDeal!;
        from.RequestChange(People.Wang, ChangeKind.ChangeUnit, Now, "换大户型");

        var left = from.MoveOut(People.Chen, Now, "换大户型");
        var arrived = to.MoveIn(deal, People.Chen, Now);

        Assert.Equal((UnitStatus.Available, null, null), (from.Status, from.LiveDeal, from.PendingChange));
        Assert.Equal((UnitStatus.Subscribed, UnitAction.MoveIn), (to.Status, arrived.Action));
        Assert.Same(deal, to.LiveDeal);
        Assert.Equal((502, 5_200_000m, 5_044_000m, UnitStatus.Subscribed, true), (deal.UnitId, deal.Price, deal.FloorPrice, deal.Stage, deal.IsLive));
        Assert.Equal((UnitAction.MoveOut, UnitStatus.Subscribed, UnitStatus.Available), (left.Action, left.From, left.To));
    }

    private static ChangeRequest ARequest()
    {
        var unit = AUnit().InState(UnitStatus.Subscribed).InDealOf(People.Wang).Build();
        return new ChangeRequest(unit.LiveDeal!, unit.Code, ChangeKind.ChangeUnit, new ChangeDetails(TargetUnitId: 502), "换大户型", People.Wang, Now);
    }
}
