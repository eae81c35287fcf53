using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class NoticeTemplateTests
{
    private static readonly DateTime Now = Moments.Start;

    private static readonly Dictionary<string, string?> Zhang = new()
    {
        [MergeFields.CustomerName] = "张伟",
        [MergeFields.UnitCode] = "1#-0801",
        [MergeFields.PaymentDue] = "2026年12月15日",
        [MergeFields.PaymentAmount] = "¥804,000.00",
        [MergeFields.ProjectName] = "滨江花园",
    };

    [Fact]
    public void MergeFieldsAreFilledInAndDoubledBracesStayBraces()
    {
        var template = Sms("尊敬的{customer.name}：您购买的{unit.code}下期房款{payment.amount}请于{payment.due}前缴纳。{{回复TD退订}}");

        var rendered = template.Render(Zhang);

        Assert.Equal("尊敬的张伟：您购买的1#-0801下期房款¥804,000.00请于2026年12月15日前缴纳。{回复TD退订}", rendered.Body);
        Assert.True(rendered.Complete);
    }

    [Fact]
    public void SpacesInsideTheBracesAreForgiven()
    {
        Assert.Equal("Dear 张伟", Sms("Dear { customer.name }").Render(Zhang).Body);
    }

    [Theory]
    [InlineData("您好{customer.nmae}", "customer.nmae")]
    [InlineData("您好{客户姓名}", "客户姓名")]
    [InlineData("{}", "")]
    public void AnUnknownFieldIsRefusedAtSaveWithItsName(string body, string named)
    {
        var error = Assert.Throws<DomainException>(() => Sms(body));

        Assert.Equal(("notice.field.unknown", named), (error.Key, error.Args.Single()));
    }

    [Fact]
    public void AnUnknownFieldInTheSubjectIsRefusedToo()
    {
        var error = Assert.Throws<DomainException>(() =>
            NoticeTemplate.Create(1, new NoticeTemplateEdit("开盘", NoticeKind.Opening, NoticeChannel.Email, NoticeLanguage.Chinese, "{project.title}开盘", "您好"), People.Chen, Now));

        Assert.Equal(("notice.field.unknown", "project.title"), (error.Key, error.Args.Single()));
    }

    [Theory]
    [InlineData("您好{customer.name", "notice.brace.unclosed")]
    [InlineData("您好{customer.name{unit.code}", "notice.brace.unclosed")]
    [InlineData("优惠}请来电", "notice.brace.stray")]
    public void ABraceWithoutItsPairIsRefused(string body, string key)
    {
        Assert.Equal(key, Assert.Throws<DomainException>(() => Sms(body)).Key);
    }

    [Fact]
    public void AMissingValueIsNamedAndLeftAsWrittenNeverGuessed()
    {
        var template = Sms("{customer.name}，您的合同号{deal.contractNo}，房号{unit.code}，面积{unit.area}");

        var rendered = template.Render(new Dictionary<string, string?> { [MergeFields.CustomerName] = "张伟", [MergeFields.DealContractNo] = " ", [MergeFields.UnitCode] = null });

        Assert.False(rendered.Complete);
        Assert.Equal([MergeFields.DealContractNo, MergeFields.UnitCode, MergeFields.UnitArea], rendered.Missing);
        Assert.Equal("张伟，您的合同号{deal.contractNo}，房号{unit.code}，面积{unit.area}", rendered.Body);
    }

    [Fact]
    public void HostileValuesStayTextAndAreNotExpandedAgain()
    {
        var template = Email("{customer.name}的通知", "{customer.name}，合同{deal.contractNo}");
        var values = new Dictionary<string, string?>
        {
            [MergeFields.CustomerName] = "<script>alert(1)</script>{unit.code}",
            [MergeFields.DealContractNo] = "{{x}}\r\nBcc: victim@example.com",
            [MergeFields.UnitCode] = "SHOULD-NOT-APPEAR",
        };

        var rendered = template.Render(values);

        Assert.Equal("<script>alert(1)</script>{unit.code}，合同{{x}}\r\nBcc: victim@example.com", rendered.Body);
        Assert.DoesNotContain("SHOULD-NOT-APPEAR", rendered.Body);
        Assert.Equal("<script>alert(1)</script>{unit.code}的通知", rendered.Subject);
    }

    [Fact]
    public void AValueWithALineBreakCannotStartANewHeaderInTheSubject()
    {
        var template = Email("{deal.contractNo}", "您好");

        var rendered = template.Render(new Dictionary<string, string?> { [MergeFields.DealContractNo] = "HT-1\r\nBcc: victim@example.com" });

        Assert.Equal("HT-1  Bcc: victim@example.com", rendered.Subject);
    }

    [Fact]
    public void AnEmailNeedsAOneLineSubjectAndAnSmsHasNone()
    {
        Assert.Equal("notice.subject.required", Assert.Throws<DomainException>(() => Email(" ", "正文")).Key);
        Assert.Equal("notice.subject.invalid", Assert.Throws<DomainException>(() => Email("a\nb", "正文")).Key);
        var sms = NoticeTemplate.Create(1, new NoticeTemplateEdit("短信", NoticeKind.Other, NoticeChannel.Sms, NoticeLanguage.Chinese, "ignored", "正文"), People.Chen, Now);
        Assert.Null(sms.Subject);
    }

    [Fact]
    public void AnSmsIsKeptShortAndTheTextPlain()
    {
        Assert.Equal("notice.body.tooLong", Assert.Throws<DomainException>(() => Sms(new string('字', NoticeTemplate.MaxSmsLength + 1))).Key);
        Assert.Equal("notice.body.invalid", Assert.Throws<DomainException>(() => Sms("正文\u0007")).Key);
        Assert.Equal("第一行\n第二行", Sms("第一行\r\n第二行\r\n").Body);
    }

    [Fact]
    public void ANameIsRequired()
    {
        Assert.Equal("notice.name.required", Assert.Throws<DomainException>(() =>
            NoticeTemplate.Create(1, new NoticeTemplateEdit("  ", NoticeKind.Other, NoticeChannel.Sms, NoticeLanguage.Chinese, null, "正文"), People.Chen, Now)).Key);
    }

    private static NoticeTemplate Sms(string body) =>
        NoticeTemplate.Create(1, new NoticeTemplateEdit("催款", NoticeKind.PaymentReminder, NoticeChannel.Sms, NoticeLanguage.Chinese, null, body), People.Chen, Now);

    private static NoticeTemplate Email(string subject, string body) =>
        NoticeTemplate.Create(1, new NoticeTemplateEdit("邮件", NoticeKind.Other, NoticeChannel.Email, NoticeLanguage.Chinese, subject, body), People.Chen, Now);
}
