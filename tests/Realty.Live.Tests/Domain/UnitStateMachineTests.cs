using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using static Realty.Live.Tests.Support.UnitBuilder;

namespace Realty.Live.Tests.Domain;

public sealed class UnitStateMachineTests
{
    private static readonly DateTime Now = Moments.Start;

    /// <summary>Every arrow of the state machine in PRODUCT.md, written out rather than read from Unit.</summary>
    private static readonly (UnitStatus From, UnitAction Action, UnitStatus To)[] Arrows =
    [
        (UnitStatus.Unreleased, UnitAction.Publish, UnitStatus.Available),
        (UnitStatus.Available, UnitAction.Withdraw, UnitStatus.Unreleased),
        (UnitStatus.Available, UnitAction.Withhold, UnitStatus.Withheld),
        (UnitStatus.Withheld, UnitAction.Unwithhold, UnitStatus.Available),
        (UnitStatus.Available, UnitAction.Hold, UnitStatus.Held),
        (UnitStatus.Held, UnitAction.Release, UnitStatus.Available),
        (UnitStatus.Held, UnitAction.Expire, UnitStatus.Available),
        (UnitStatus.Deposited, UnitAction.Release, UnitStatus.Available),
        (UnitStatus.Deposited, UnitAction.Expire, UnitStatus.Available),
        (UnitStatus.Available, UnitAction.Deposit, UnitStatus.Deposited),
        (UnitStatus.Held, UnitAction.Deposit, UnitStatus.Deposited),
        (UnitStatus.Available, UnitAction.Subscribe, UnitStatus.Subscribed),
        (UnitStatus.Held, UnitAction.Subscribe, UnitStatus.Subscribed),
        (UnitStatus.Deposited, UnitAction.Subscribe, UnitStatus.Subscribed),
        (UnitStatus.Available, UnitAction.Sign, UnitStatus.Signed),
        (UnitStatus.Held, UnitAction.Sign, UnitStatus.Signed),
        (UnitStatus.Deposited, UnitAction.Sign, UnitStatus.Signed),
        (UnitStatus.Subscribed, UnitAction.Sign, UnitStatus.Signed),
    ];

    public static TheoryData<UnitStatus, UnitAction, UnitStatus> ValidTransitions()
    {
        var data = new TheoryData<UnitStatus, UnitAction, UnitStatus>();
        foreach (var (from, action, to) in Arrows)
        {
            data.Add(from, action, to);
        }
        return data;
    }

    public static TheoryData<UnitStatus, UnitAction> RefusedTransitions()
    {
        var data = new TheoryData<UnitStatus, UnitAction>();
        foreach (var from in Enum.GetValues<UnitStatus>())
        {
            // The state machine's own actions; the deal's changes and repricing have tests of their own.
            foreach (var action in Unit.SheetActions.Append(UnitAction.Expire).Where(a => !Arrows.Any(x => x.From == from && x.Action == a)))
            {
                data.Add(from, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidTransitions))]
    public void TransitionMovesTheUnitBumpsItsVersionByOneAndReturnsItsEventRow(UnitStatus from, UnitAction action, UnitStatus to)
    {
        var unit = AUnit().InState(from).InDealOf(People.Wang).Build();
        var version = unit.Version;
        var actor = Unit.IsManagerOnly(action) ? People.Chen : People.Wang;

        var change = Perform(unit, action, actor);

        Assert.Equal(to, unit.Status);
        Assert.Equal(version + 1, unit.Version);
        Assert.Equal(Now, unit.StatusChangedAt);
        Assert.Equal(action, change.Action);
        Assert.Equal(from, change.From);
        Assert.Equal(to, change.To);
        Assert.Equal(unit.Version, change.Version);
        Assert.Equal(unit.Id, change.UnitId);
        Assert.Equal(unit.Code, change.UnitCode);
        Assert.Equal(Now, change.At);
        var expectedActor = action == UnitAction.Expire ? Actor.System : actor;
        Assert.Equal(expectedActor.Id, change.ActorId);
        Assert.Equal(expectedActor.Name, change.ActorName);
        Assert.Equal(expectedActor.Name, unit.StatusChangedBy);
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void TransitionNotInTheStateMachineIsRefusedAndChangesNothing(UnitStatus from, UnitAction action)
    {
        var unit = AUnit().InState(from).Build();
        var version = unit.Version;

        // The manager may do everything a role allows, so only the state can be the reason.
        var error = Assert.Throws<DomainException>(() => Perform(unit, action, People.Chen));

        Assert.Equal("unit.wrongState", error.Key);
        Assert.Equal([unit.Code, from, action], error.Args);
        Assert.Equal(from, unit.Status);
        Assert.Equal(version, unit.Version);
    }

    [Fact]
    public void SignStraightFromAvailableOpensADealAtTheListPrice()
    {
        var unit = AUnit().Build();

        var change = unit.SignAtList(People.Wang, Customers.Zhang, Now);

        var deal = Assert.Single(unit.Deals);
        Assert.Same(deal, unit.LiveDeal);
        Assert.Same(deal, change.Deal);
        Assert.Equal(UnitStatus.Signed, deal.Stage);
        Assert.Equal(Customers.ZhangName, deal.CustomerName);
        Assert.Equal(Customers.ZhangPhone, deal.CustomerPhone);
        Assert.Equal(People.Wang.Id, deal.AgentId);
        Assert.Equal(unit.ListPrice, deal.Price);
        Assert.Equal(Now, deal.OpenedAt);
    }

    [Fact]
    public void SkippingAheadWithoutACustomerIsRefused()
    {
        var unit = AUnit().Build();

        var error = Assert.Throws<DomainException>(() => unit.SubscribeAtList(People.Wang, customer: null, Now));

        Assert.Equal("customer.required", error.Key);
        Assert.Equal(UnitStatus.Available, unit.Status);
        Assert.Empty(unit.Deals);
    }

    [Theory]
    [InlineData(UnitStatus.Signed, UnitAction.Subscribe)]
    [InlineData(UnitStatus.Signed, UnitAction.Release)]
    [InlineData(UnitStatus.Subscribed, UnitAction.Deposit)]
    [InlineData(UnitStatus.Subscribed, UnitAction.Release)]
    [InlineData(UnitStatus.Deposited, UnitAction.Hold)]
    public void ADealCannotWalkBack(UnitStatus from, UnitAction back)
    {
        var unit = AUnit().InState(from).InDealOf(People.Wang).Build();

        var error = Assert.Throws<DomainException>(() => Perform(unit, back, People.Wang));

        Assert.Equal("unit.wrongState", error.Key);
        Assert.Equal(from, unit.Status);
        Assert.Equal(from, unit.LiveDeal!.Stage);
    }

    [Fact]
    public void EachStepOfASaleBumpsTheVersionByOneAndKeepsOneDeal()
    {
        var unit = AUnit().InState(UnitStatus.Unreleased).Build();
        var steps = new Func<UnitEvent>[]
        {
            () => unit.Publish(People.Chen, Now),
            () => unit.Hold(People.Wang, Customers.Zhang, Now, HoldFor),
            () => unit.TakeDeposit(People.Wang, null, Now),
            () => unit.SubscribeAtList(People.Wang, null, Now),
            () => unit.SignAtList(People.Wang, null, Now),
        };

        var versions = steps.Select(step => step().Version).ToList();

        Assert.Equal([2, 3, 4, 5, 6], versions);
        var deal = Assert.Single(unit.Deals);
        Assert.True(deal.IsLive);
        Assert.Equal(UnitStatus.Signed, deal.Stage);
        Assert.Equal(Customers.ZhangName, deal.CustomerName);
    }

    [Fact]
    public void MovingADealOnWithANewCustomerRenamesTheBuyer()
    {
        var unit = AUnit().InState(UnitStatus.Held).InDealOf(People.Wang).Build();

        unit.SubscribeAtList(People.Wang, Customers.Zhao, Now);

        Assert.Equal(Customers.ZhaoName, unit.LiveDeal!.CustomerName);
        Assert.Equal(Customers.ZhaoPhone, unit.LiveDeal.CustomerPhone);
    }

    [Theory]
    [InlineData(UnitAction.Publish, UnitStatus.Unreleased)]
    [InlineData(UnitAction.Withdraw, UnitStatus.Available)]
    [InlineData(UnitAction.Withhold, UnitStatus.Available)]
    [InlineData(UnitAction.Unwithhold, UnitStatus.Withheld)]
    public void ManagerOnlyActionIsRefusedForAnAgent(UnitAction action, UnitStatus from)
    {
        var unit = AUnit().InState(from).Build();
        var version = unit.Version;

        var error = Assert.Throws<DomainException>(() => Perform(unit, action, People.Wang));

        Assert.Equal("unit.managerOnly", error.Key);
        Assert.Equal([action], error.Args);
        Assert.Equal(from, unit.Status);
        Assert.Equal(version, unit.Version);
    }

    [Theory]
    [InlineData(UnitStatus.Held, UnitAction.Release)]
    [InlineData(UnitStatus.Held, UnitAction.Deposit)]
    [InlineData(UnitStatus.Held, UnitAction.Subscribe)]
    [InlineData(UnitStatus.Deposited, UnitAction.Release)]
    [InlineData(UnitStatus.Deposited, UnitAction.Sign)]
    [InlineData(UnitStatus.Subscribed, UnitAction.Sign)]
    public void AnotherAgentsDealIsRefused(UnitStatus from, UnitAction action)
    {
        var unit = AUnit().InState(from).InDealOf(People.Wang).Build();
        var version = unit.Version;

        var error = Assert.Throws<DomainException>(() => Perform(unit, action, People.Li));

        Assert.Equal("unit.notYourDeal", error.Key);
        Assert.Equal([unit.Code, People.Wang.Name], error.Args);
        Assert.Equal(from, unit.Status);
        Assert.Equal(version, unit.Version);
        Assert.Equal(People.Wang.Id, unit.LiveDeal!.AgentId);
    }

    [Fact]
    public void AManagerMayMoveAnAgentsDealOn()
    {
        var unit = AUnit().InState(UnitStatus.Held).InDealOf(People.Wang).Build();

        var change = unit.SubscribeAtList(People.Chen, null, Now);

        Assert.Equal(UnitStatus.Subscribed, unit.Status);
        Assert.Equal(People.Chen.Name, change.ActorName);
        Assert.Equal(People.Wang.Id, unit.LiveDeal!.AgentId);
    }

    [Fact]
    public void HoldOpensADealForTheAgentAndSetsItsExpiry()
    {
        var unit = AUnit().Build();

        var change = unit.Hold(People.Wang, Customers.Zhang, Now, TimeSpan.FromMinutes(45));

        Assert.Equal(Now.AddMinutes(45), unit.HoldExpiresAt);
        var deal = Assert.Single(unit.Deals);
        Assert.Same(deal, change.Deal);
        Assert.Equal(UnitStatus.Held, deal.Stage);
        Assert.Equal(People.Wang.Name, deal.AgentName);
        Assert.Null(change.Reason);
    }

    [Fact]
    public void DepositEndsTheHoldDeadline()
    {
        var unit = AUnit().InState(UnitStatus.Held).Build();

        unit.TakeDeposit(People.Wang, null, Now);

        Assert.Null(unit.HoldExpiresAt);
    }

    [Theory]
    [InlineData(UnitAction.Release)]
    [InlineData(UnitAction.Expire)]
    public void EndingAHoldClosesTheDealWithItsReason(UnitAction action)
    {
        var unit = AUnit().InState(UnitStatus.Held).InDealOf(People.Wang).Build();
        var deal = unit.LiveDeal!;

        var change = Perform(unit, action, People.Wang);

        Assert.Null(unit.LiveDeal);
        Assert.False(deal.IsLive);
        Assert.Equal(Now, deal.ClosedAt);
        Assert.Equal(action, deal.CloseReason);
        Assert.Same(deal, change.Deal);
        Assert.Null(unit.HoldExpiresAt);
    }

    [Fact]
    public void AHoldDoesNotExpireBeforeItsTime()
    {
        var unit = AUnit().Build();
        unit.Hold(People.Wang, Customers.Zhang, Now, HoldFor);

        var error = Assert.Throws<DomainException>(() => unit.Expire(Now.Add(HoldFor).AddSeconds(-1)));

        Assert.Equal("unit.notExpired", error.Key);
        Assert.Equal(UnitStatus.Held, unit.Status);
        Assert.NotNull(unit.LiveDeal);
    }

    [Fact]
    public void AHoldExpiresExactlyAtItsTime()
    {
        var unit = AUnit().Build();
        unit.Hold(People.Wang, Customers.Zhang, Now, HoldFor);

        var change = unit.Expire(Now.Add(HoldFor));

        Assert.Equal(UnitStatus.Available, unit.Status);
        Assert.Equal(Actor.System.Name, change.ActorName);
    }

    [Fact]
    public void WithholdKeepsTheTrimmedReasonOnTheUnitAndItsEvent()
    {
        var unit = AUnit().Build();

        var change = unit.Withhold(People.Chen, "  领导保留  ", Now);

        Assert.Equal("领导保留", unit.WithheldReason);
        Assert.Equal("领导保留", change.Reason);
        Assert.Null(change.Deal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WithholdWithoutAReasonIsRefused(string? reason)
    {
        var unit = AUnit().Build();

        var error = Assert.Throws<DomainException>(() => unit.Withhold(People.Chen, reason, Now));

        Assert.Equal("unit.reason.required", error.Key);
        Assert.Equal(UnitStatus.Available, unit.Status);
        Assert.Null(unit.WithheldReason);
    }

    [Fact]
    public void WithholdWithATooLongReasonIsRefused()
    {
        var unit = AUnit().Build();
        var version = unit.Version;

        var error = Assert.Throws<DomainException>(() => unit.Withhold(People.Chen, new string('因', Unit.MaxReasonLength + 1), Now));

        Assert.Equal("unit.reason.tooLong", error.Key);
        Assert.Equal([Unit.MaxReasonLength], error.Args);
        Assert.Equal(version, unit.Version);
    }

    [Fact]
    public void WithholdAcceptsAReasonOfTheMaximumLength()
    {
        var unit = AUnit().Build();

        unit.Withhold(People.Chen, new string('因', Unit.MaxReasonLength), Now);

        Assert.Equal(UnitStatus.Withheld, unit.Status);
    }

    [Fact]
    public void UnwithholdForgetsTheReason()
    {
        var unit = AUnit().InState(UnitStatus.Withheld).Build();

        unit.Unwithhold(People.Chen, Now);

        Assert.Null(unit.WithheldReason);
        Assert.Equal(UnitStatus.Available, unit.Status);
    }

    [Fact]
    public void AnAgentIsOfferedOnlyTheSalesActionsOfAnAvailableUnit()
    {
        Assert.Equal(
            [UnitAction.Hold, UnitAction.Deposit, UnitAction.Subscribe, UnitAction.Sign],
            Unit.ActionsFor(UnitStatus.Available, isManager: false).Order());
        Assert.Equal(
            [UnitAction.Withdraw, UnitAction.Withhold, UnitAction.Hold, UnitAction.Deposit, UnitAction.Subscribe, UnitAction.Sign],
            Unit.ActionsFor(UnitStatus.Available, isManager: true).Order());
    }

    [Fact]
    public void NobodyIsOfferedExpiryOrAnythingOnASignedUnit()
    {
        Assert.DoesNotContain(UnitAction.Expire, Unit.ActionsFor(UnitStatus.Held, isManager: true));
        Assert.Empty(Unit.ActionsFor(UnitStatus.Signed, isManager: true));
        Assert.Empty(Unit.ActionsFor(UnitStatus.Unreleased, isManager: false));
    }

    private static UnitEvent Perform(Unit unit, UnitAction action, Actor actor) => action switch
    {
        UnitAction.Publish => unit.Publish(actor, Now),
        UnitAction.Withdraw => unit.Withdraw(actor, Now),
        UnitAction.Withhold => unit.Withhold(actor, "样板间保留", Now),
        UnitAction.Unwithhold => unit.Unwithhold(actor, Now),
        UnitAction.Hold => unit.Hold(actor, Customers.Zhao, Now, HoldFor),
        UnitAction.Release => unit.Release(actor, Now),
        UnitAction.Deposit => unit.TakeDeposit(actor, Customers.Zhao, Now),
        UnitAction.Subscribe => unit.SubscribeAtList(actor, Customers.Zhao, Now),
        UnitAction.Sign => unit.SignAtList(actor, Customers.Zhao, Now),
        UnitAction.Expire => unit.Expire(Now),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
