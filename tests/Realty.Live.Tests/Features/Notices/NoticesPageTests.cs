using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Notices;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Notices;

public sealed class NoticesPageTests : BoardComponentTest
{
    public NoticesPageTests() => SignInAs(People.Chen);

    private NoticeService Notices => Services.GetRequiredService<NoticeService>();

    [Fact]
    public async Task TheEditorPreviewsTheTextAsTypedAndKeepsMarkupAsText()
    {
        using var _ = CultureScope.Of("zh-CN");
        var page = await RenderPageAsync();

        page.Find("[data-field='template-body']").Input("{customer.name}您好，<script>alert(1)</script>{project.name}欢迎您");

        await page.WaitForAssertionAsync(() =>
            Assert.Equal("张伟您好，<script>alert(1)</script>滨江花园 Riverside Garden欢迎您", page.Find("[data-preview-body]").TextContent));
        Assert.Empty(page.FindAll("[data-template-preview] script"));
    }

    [Fact]
    public async Task AnUnknownFieldIsNamedWhileTypingAndRefusedAtSave()
    {
        var page = await RenderPageAsync();
        page.Find("[data-field='template-name']").Change("催款");

        page.Find("[data-field='template-body']").Input("{customer.nmae}您好");

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("notice.field.unknown", "customer.nmae"), page.Find("[data-message='preview-error']").TextContent.Trim()));
        page.Find("[data-action='save-template']").Click();
        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("notice.field.unknown", "customer.nmae"), page.Find("[data-message='template-error']").TextContent.Trim()));
        Assert.Empty(await Notices.TemplatesAsync(Project.Id));
    }

    [Fact]
    public async Task ABatchIsPreviewedWithWhoIsSkippedThenSentIntoTheOutbox()
    {
        await Notices.SaveTemplateAsync(Project.Id, null, 0, new NoticeTemplateEdit("开盘", NoticeKind.Opening, NoticeChannel.Email, NoticeLanguage.Chinese, "{project.name}开盘", "{customer.name}您好"), People.Chen);
        var zhang = await CustomerAsync(Customers.ZhangName, Customers.ZhangPhone, "zhang.wei@example.com");
        var zhao = await CustomerAsync(Customers.ZhaoName, Customers.ZhaoPhone, null);
        var page = await RenderPageAsync();

        page.FindAll(".mud-tab")[1].Click();
        page.Find("[data-action='preview-batch']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(("1", "1"), (page.Find("[data-batch-preview]").GetAttribute("data-count"), page.Find("[data-batch-preview]").GetAttribute("data-skipped-count"))));
        Assert.Contains("张伟您好", page.Find($"[data-batch-sample='{zhang}']").TextContent);
        Assert.Contains(L.T("notice.skip.noEmail"), page.Find($"[data-skipped='{zhao}']").TextContent);

        page.Find("[data-action='send-batch']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(L.T("notice.batch.queued", 1), page.Find("[data-message='batch']").TextContent.Trim()));
        await using var db = Database.Open();
        Assert.Equal(("zhang.wei@example.com", "滨江花园 Riverside Garden开盘"), await db.OutboxMessages.Select(m => ValueTuple.Create(m.Recipient, m.Subject)).SingleAsync());
    }

    [Fact]
    public async Task TheOutboxShowsTheLastErrorAndRetriesNow()
    {
        await using (var db = Database.Open())
        {
            var message = OutboxMessage.Create(Project.Id, "test:1", NoticeChannel.Sms, Customers.ZhangPhone, null, "您好", Clock.GetUtcNow().UtcDateTime);
            message.Claim(Clock.GetUtcNow().UtcDateTime);
            message.Failed("The SMS gateway answered 500 Internal Server Error.", Clock.GetUtcNow().UtcDateTime);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
        }
        var page = await RenderPageAsync();

        page.FindAll(".mud-tab")[2].Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(("failed", "1"), (page.Find("[data-outbox-message]").GetAttribute("data-status"), page.Find("[data-outbox-message]").GetAttribute("data-attempts"))));
        Assert.Equal("The SMS gateway answered 500 Internal Server Error.", page.Find("[data-last-error]").TextContent);

        page.Find("[data-action='retry']").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("pending", page.Find("[data-outbox-message]").GetAttribute("data-status")));
    }

    private async Task<int> CustomerAsync(string name, string mobile, string? email)
    {
        var registered = await Services.GetRequiredService<CustomerService>().RegisterAsync(new RegisterCustomer(Project.Id, name, mobile, "路过", FirstContact.WalkIn), People.Wang);
        var id = Assert.IsType<RegisterResult.Registered>(registered).Customer.Id;
        if (email is not null)
        {
            await Services.GetRequiredService<LedgerService>().UpdateProfileAsync(id, new ProfileEdit(null, null, null, null, null, Email: email), People.Wang);
        }
        return id;
    }

    private async Task<IRenderedComponent<NoticesPage>> RenderPageAsync()
    {
        var page = Render<NoticesPage>();
        await page.WaitForElementAsync("[data-template-editor]");
        return page;
    }
}
