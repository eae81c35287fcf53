using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Domain;

public sealed class CustomerTests
{
    private static readonly string[] Channels = ["户外广告", "老带新"];

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("0086-159-1234-5678", "15912345678")]
    [InlineData(" 177 1234 5678 ", "17712345678")]
    [InlineData("+49 1512 3456", "+4915123456")]
    [InlineData("+1 234 567 8901 2345", "+123456789012345")]
    public void MobilesAreStoredNormalised(string typed, string stored)
    {
        var customer = Register(CustomerContact.Create(Customers.ZhangName, typed));

        Assert.Equal(stored, customer.Mobile);
    }

    [Theory]
    [InlineData("+1234567")]
    [InlineData("+12345678901234567")]
    [InlineData("11800138000")]
    [InlineData("+86 12800138000")]
    [InlineData("0086 1380013800")]
    [InlineData("138 0013 800a")]
    public void MobilesOutsideTheRulesAreRefused(string typed)
    {
        var error = Assert.Throws<DomainException>(() => CustomerContact.Create(Customers.ZhangName, typed));

        Assert.Equal("customer.phone.invalid", error.Key);
    }

    [Theory]
    [InlineData("en", "\"12345\" is not a valid mobile number: use 11 digits starting with 1, or +country code and number.")]
    [InlineData("zh-CN", "“12345”不是有效的手机号：请填写 1 开头的 11 位号码，或 + 国家代码加号码。")]
    public void AMalformedMobileIsExplainedInTheUsersLanguage(string culture, string message)
    {
        var error = Assert.Throws<DomainException>(() => CustomerContact.Create(Customers.ZhangName, "12345"));

        using (CultureScope.Of(culture))
        {
            Assert.Equal(message, L.Message(error));
        }
    }

    [Fact]
    public void ANewCustomerIsAPotentialOwnedByTheAgentWhoRegisteredIt()
    {
        var customer = Register(Customers.Zhang, "老带新", FirstContact.Call);

        Assert.Equal((Customers.ZhangName, Customers.ZhangPhone, "老带新", FirstContact.Call, FunnelStage.Potential),
            (customer.Name, customer.Mobile, customer.Channel, customer.FirstContact, customer.Stage));
        Assert.Equal((People.Wang.Id, People.Wang.Name, Moments.Start), (customer.OwnerId, customer.OwnerName, customer.RegisteredAt));
        Assert.True(customer.IsOwnedBy(People.Wang));
    }

    [Theory]
    [InlineData(null, "customer.channel.required")]
    [InlineData("  ", "customer.channel.required")]
    [InlineData("电视广告", "customer.channel.unknown")]
    public void TheChannelMustBeOneOfTheProjects(string? channel, string key)
    {
        var error = Assert.Throws<DomainException>(() => Register(Customers.Zhang, channel));

        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void OnlyTheOwnerAndManagersSeeTheFullNumber()
    {
        var customer = Register(Customers.Zhang);

        Assert.Equal((true, false, true), (customer.ShowsPhoneTo(People.Wang), customer.ShowsPhoneTo(People.Li), customer.ShowsPhoneTo(People.Chen)));
    }

    private static Customer Register(CustomerContact contact, string? channel = "户外广告", FirstContact firstContact = FirstContact.WalkIn) =>
        Customer.Register(1, contact, channel, Channels, firstContact, People.Wang, Moments.Start);
}
