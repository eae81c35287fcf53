using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Notices;

namespace Realty.Live.Tests.Features.Notices;

/// <summary>Customers with contact details and templates, written through the app's own services.</summary>
internal static class NoticeSetup
{
    public static async Task<int> CustomerAsync(this ServiceHarness app, int projectId, string name, string mobile, string? email = null, DateOnly? birthday = null,
        Actor? agent = null, string channel = "路过")
    {
        var registered = await app.Service<CustomerService>().RegisterAsync(new RegisterCustomer(projectId, name, mobile, channel, FirstContact.WalkIn, Confirm: true), agent ?? People.Wang);
        var id = Assert.IsType<RegisterResult.Registered>(registered).Customer.Id;
        if (email is not null || birthday is not null)
        {
            var saved = await app.Service<LedgerService>().UpdateProfileAsync(id, new ProfileEdit(null, null, null, null, null, Email: email, Birthday: birthday), agent ?? People.Wang);
            Assert.IsType<LedgerAnswer.Found>(saved);
        }
        return id;
    }

    public static async Task<NoticeTemplateView> TemplateAsync(this ServiceHarness app, int projectId, NoticeTemplateEdit edit)
    {
        var answer = await app.Service<NoticeService>().SaveTemplateAsync(projectId, null, 0, edit, People.Chen);
        return Assert.IsType<TemplateAnswer.Saved>(answer).Template;
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(this ServiceHarness app)
    {
        await using var db = app.Open();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<int> QueueAsync(this ServiceHarness app, int projectId, NoticeChannel channel, string recipient, string key, string body = "您好")
    {
        await using var db = app.Open();
        var message = OutboxMessage.Create(projectId, key, channel, recipient, channel == NoticeChannel.Email ? "通知" : null, body, app.Now);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
