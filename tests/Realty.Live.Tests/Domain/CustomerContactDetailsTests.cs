using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class CustomerContactDetailsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void AnEmailAndABirthdayAreKeptAndBlanksClearThem()
    {
        var customer = Zhang();

        customer.UpdateContact(" zhang.wei@example.com ", new DateOnly(1988, 2, 29), People.Wang, Today);
        Assert.Equal(("zhang.wei@example.com", (DateOnly?)new DateOnly(1988, 2, 29)), (customer.Email, customer.Birthday));

        customer.UpdateContact("", null, People.Wang, Today);
        Assert.Equal((null, (DateOnly?)null), (customer.Email, customer.Birthday));
    }

    [Theory]
    [InlineData("zhang.wei")]
    [InlineData("zhang@wei")]
    [InlineData("a@b.com\r\nBcc: x@y.com")]
    [InlineData("张伟 <zhang@example.com>")]
    [InlineData("a@b@c.com")]
    public void AMalformedEmailIsRefusedAndNothingChanges(string email)
    {
        var customer = Zhang();
        customer.UpdateContact("old@example.com", null, People.Wang, Today);

        var error = Assert.Throws<DomainException>(() => customer.UpdateContact(email, new DateOnly(1990, 1, 1), People.Wang, Today));

        Assert.Equal("customer.email.invalid", error.Key);
        Assert.Equal(("old@example.com", (DateOnly?)null), (customer.Email, customer.Birthday));
    }

    [Fact]
    public void ABirthdayCannotBeInTheFutureNorLongerAgoThanALife()
    {
        var customer = Zhang();

        Assert.Equal("customer.birthday.future", Assert.Throws<DomainException>(() => customer.UpdateContact(null, Today.AddDays(1), People.Wang, Today)).Key);
        Assert.Equal("customer.birthday.tooOld", Assert.Throws<DomainException>(() => customer.UpdateContact(null, new DateOnly(1900, 1, 1), People.Wang, Today)).Key);
        customer.UpdateContact(null, Today, People.Wang, Today);
    }

    [Fact]
    public void OnlyTheOwnerOrAManagerChangesThem()
    {
        Assert.Equal("ledger.notYours", Assert.Throws<DomainException>(() => Zhang().UpdateContact("a@b.cn", null, People.Li, Today)).Key);
        Zhang().UpdateContact("a@b.cn", null, People.Chen, Today);
    }

    private static Customer Zhang() =>
        Customer.Register(1, Customers.Zhang, "路过", ProjectChannel.Defaults, FirstContact.WalkIn, People.Wang, Moments.Start);
}
