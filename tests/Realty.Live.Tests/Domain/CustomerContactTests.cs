using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class CustomerContactTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("  13800138000  ", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("(138) 0013.8000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("+8619912345678", "19912345678")]
    [InlineData("0086 138-0013-8000", "13800138000")]
    [InlineData("+44 7946 000123", "+447946000123")]
    [InlineData("0044 7946 000123", "+447946000123")]
    [InlineData("+1 (415) 555-0132", "+14155550132")]
    [InlineData("+852 6123 4567", "+85261234567")]
    public void PhoneIsNormalisedToElevenDigitsOrE164(string typed, string stored)
    {
        Assert.Equal(stored, CustomerContact.NormalisePhone(typed));
    }

    [Theory]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("23800138000")]
    [InlineData("8613800138000")]
    [InlineData("+86 1380013800")]
    [InlineData("+0123456789")]
    [InlineData("+12345")]
    [InlineData("+1234567890123456")]
    [InlineData("138OO138000")]
    [InlineData("phone")]
    public void MalformedPhoneIsRefusedQuotingWhatWasTyped(string typed)
    {
        var error = Assert.Throws<DomainException>(() => CustomerContact.NormalisePhone(typed));

        Assert.Equal("customer.phone.invalid", error.Key);
        Assert.Equal([typed], error.Args);
    }

    [Fact]
    public void AVeryLongMalformedPhoneIsQuotedShortened()
    {
        var typed = new string('9', 40);

        var error = Assert.Throws<DomainException>(() => CustomerContact.NormalisePhone(typed));

        Assert.Equal(new string('9', 24) + "…", error.Args[0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyPhoneIsRequired(string? typed)
    {
        var error = Assert.Throws<DomainException>(() => CustomerContact.Create("张伟", typed));

        Assert.Equal("customer.phone.required", error.Key);
    }

    [Theory]
    [InlineData("张伟", "张伟")]
    [InlineData("  欧阳娜娜 ", "欧阳娜娜")]
    [InlineData("Mary O'Neil-Smith", "Mary O'Neil-Smith")]
    public void NameIsKeptTrimmed(string typed, string stored)
    {
        Assert.Equal(stored, CustomerContact.Create(typed, "13800138000").Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NameIsRequiredEvenWhenThePhoneIsAlsoWrong(string? typed)
    {
        var error = Assert.Throws<DomainException>(() => CustomerContact.Create(typed, "not a phone"));

        Assert.Equal("customer.name.required", error.Key);
    }

    [Fact]
    public void NameOfTheMaximumLengthIsAccepted()
    {
        var name = new string('王', CustomerContact.MaxNameLength);

        Assert.Equal(name, CustomerContact.Create(name, "13800138000").Name);
    }

    [Fact]
    public void TooLongNameIsRefused()
    {
        var error = Assert.Throws<DomainException>(() => CustomerContact.Create(new string('王', CustomerContact.MaxNameLength + 1), "13800138000"));

        Assert.Equal("customer.name.tooLong", error.Key);
        Assert.Equal([CustomerContact.MaxNameLength], error.Args);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("张伟>")]
    [InlineData("张\u0000伟")]
    [InlineData("张\n伟")]
    public void NameWithMarkupOrControlCharactersIsRefused(string typed)
    {
        var error = Assert.Throws<DomainException>(() => CustomerContact.Create(typed, "13800138000"));

        Assert.Equal("customer.name.invalid", error.Key);
    }
}
