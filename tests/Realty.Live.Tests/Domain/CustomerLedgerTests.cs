using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class CustomerLedgerTests
{
    private const string ValidId = "11010519491231002X";
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(InteractionKind.FollowUp)]
    [InlineData(InteractionKind.Complaint)]
    public void AFollowUpOrComplaintNeedsANote(InteractionKind kind)
    {
        var error = Assert.Throws<DomainException>(() => Zhang().Record(new InteractionEntry(kind, "   "), People.Wang, Moments.Start, Today));

        Assert.Equal("ledger.note.required", error.Key);
    }

    [Fact]
    public void AWalkInNeedsNoNote()
    {
        var entry = Zhang().Record(new InteractionEntry(InteractionKind.WalkIn, null), People.Wang, Moments.Start, Today);

        Assert.Equal((InteractionKind.WalkIn, "", People.Wang.Name, Moments.Start), (entry.Kind, entry.Note, entry.ByName, entry.At));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public void AShowingIsRatedFromOneToFive(int? satisfaction)
    {
        var error = Assert.Throws<DomainException>(() => Zhang().Record(new InteractionEntry(InteractionKind.Showing, null, satisfaction, "1#-0801"), People.Wang, Moments.Start, Today));

        Assert.Equal("ledger.satisfaction.range", error.Key);
    }

    [Fact]
    public void AShowingKeepsTheUnitAndRating()
    {
        var entry = Zhang().Record(new InteractionEntry(InteractionKind.Showing, "喜欢南向", 4, " 1#-0801 "), People.Wang, Moments.Start, Today);

        Assert.Equal((4, "1#-0801"), (entry.Satisfaction, entry.UnitCode));
    }

    [Fact]
    public void ANoteOverTheLimitOrWithControlCharactersIsRefusedAndMarkupIsKeptAsTyped()
    {
        var customer = Zhang();

        Assert.Equal("ledger.note.tooLong", Assert.Throws<DomainException>(() =>
            customer.Record(new InteractionEntry(InteractionKind.FollowUp, new string('字', CustomerInteraction.MaxNoteLength + 1)), People.Wang, Moments.Start, Today)).Key);
        Assert.Equal("ledger.note.invalid", Assert.Throws<DomainException>(() =>
            customer.Record(new InteractionEntry(InteractionKind.FollowUp, "a\u0007b"), People.Wang, Moments.Start, Today)).Key);
        var kept = customer.Record(new InteractionEntry(InteractionKind.FollowUp, "<b>周末</b>\n再来"), People.Wang, Moments.Start, Today);
        Assert.Equal("<b>周末</b>\n再来", kept.Note);
    }

    [Fact]
    public void AFollowUpSetsTheNextDateAndOneWithoutADateClosesIt()
    {
        var customer = Zhang();

        customer.Record(new InteractionEntry(InteractionKind.Call, "约周六", NextFollowUp: Today.AddDays(4)), People.Wang, Moments.Start, Today);
        Assert.Equal(Today.AddDays(4), customer.NextFollowUp);
        Assert.False(customer.IsOverdue(Today.AddDays(4)));
        Assert.True(customer.IsOverdue(Today.AddDays(5)));

        customer.Record(new InteractionEntry(InteractionKind.Complaint, "停车位太少"), People.Wang, Moments.Start, Today);
        Assert.Equal(Today.AddDays(4), customer.NextFollowUp);

        customer.Record(new InteractionEntry(InteractionKind.FollowUp, "已买别处"), People.Wang, Moments.Start, Today);
        Assert.Null(customer.NextFollowUp);
    }

    [Fact]
    public void ANextFollowUpBeforeTodayIsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Zhang().Record(new InteractionEntry(InteractionKind.FollowUp, "回访", NextFollowUp: Today.AddDays(-1)), People.Wang, Moments.Start, Today));

        Assert.Equal("ledger.followUp.past", error.Key);
    }

    [Fact]
    public void OnlyTheOwnerOrAManagerWritesTheLedger()
    {
        var customer = Zhang();

        var error = Assert.Throws<DomainException>(() => customer.Record(new InteractionEntry(InteractionKind.Call, "x"), People.Li, Moments.Start, Today));
        Assert.Equal(("ledger.notYours", People.Wang.Name), (error.Key, error.Args[0]));
        Assert.Equal("ledger.notYours", Assert.Throws<DomainException>(() => customer.UpdateProfile(new ProfileEdit(null, 1m, null, null, null), People.Li)).Key);
        Assert.Null(customer.Budget);
        customer.UpdateProfile(new ProfileEdit(null, 3_000_000m, "三房", null, null), People.Chen);
        Assert.Equal(3_000_000m, customer.Budget);
    }

    [Fact]
    public void TheBudgetCannotBeNegative()
    {
        var customer = Zhang();

        Assert.Equal("ledger.budget.negative", Assert.Throws<DomainException>(() => customer.UpdateProfile(new ProfileEdit(null, -1m, null, null, null), People.Wang)).Key);
        customer.UpdateProfile(new ProfileEdit(null, 0m, null, null, null), People.Wang);
        Assert.Equal(0m, customer.Budget);
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002")]
    [InlineData("1101051949123100AX")]
    public void AnIdNumberWithAWrongCheckDigitOrShapeIsRefused(string typed)
    {
        Assert.Equal("ledger.idNumber.invalid", Assert.Throws<DomainException>(() => IdNumber.Normalise(typed)).Key);
    }

    [Fact]
    public void TheIdNumberIsShownWholeOnlyToManagersAndTheMaskedOneSentBackKeepsIt()
    {
        var customer = Zhang();
        customer.UpdateProfile(new ProfileEdit("110105 19491231 002x", null, "三房两厅", "120-140㎡", "10层以上"), People.Wang);

        Assert.Equal(ValidId, customer.IdNumber);
        Assert.Equal(("110***********002X", "110***********002X", ValidId),
            (customer.IdNumberFor(People.Wang), customer.IdNumberFor(People.Li), customer.IdNumberFor(People.Chen)));

        customer.UpdateProfile(new ProfileEdit("110***********002X", 2_500_000m, "三房两厅", "120-140㎡", "10层以上"), People.Wang);
        Assert.Equal((ValidId, 2_500_000m), (customer.IdNumber, customer.Budget));
    }

    [Fact]
    public void ProfileTextsHaveALimit()
    {
        var error = Assert.Throws<DomainException>(() =>
            Zhang().UpdateProfile(new ProfileEdit(null, null, new string('房', Customer.MaxWishLength + 1), null, null), People.Wang));

        Assert.Equal("ledger.layouts.tooLong", error.Key);
    }

    private static Customer Zhang() => Customer.Register(1, Customers.Zhang, "户外广告", ["户外广告"], FirstContact.WalkIn, People.Wang, Moments.Start);
}
