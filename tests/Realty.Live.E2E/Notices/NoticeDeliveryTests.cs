using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Realty.Live.Web.Data;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Notices;

namespace Realty.Live.E2E.Notices;

/// <summary>
/// Notices delivered for real: a batch goes from the outbox through the app's dispatcher to a real SMTP
/// server (aiosmtpd) on loopback and arrives in its mailbox; a text message goes to a real HTTP webhook.
/// The app's services are wired as in production (database, notices, config-chosen gateways) over a
/// SQLite file of the test's own; a clock the test can move forward stands in for the minute of back-off.
/// </summary>
public sealed class NoticeDeliveryTests : IAsyncLifetime
{
    private static readonly Actor Manager = new("manager-chen", "陈静", IsManager: true);
    private static readonly Actor Agent = new("agent-wang", "王芳", IsManager: false);

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("realty-notices-").FullName;
    private readonly LocalSmtpServer _smtp = new();
    private readonly SmsWebhook _webhook = new();
    private readonly ShiftedClock _clock = new();
    private IHost _app = default!;
    private int _projectId;

    private NoticeService Notices => _app.Services.GetRequiredService<NoticeService>();

    private OutboxDispatcher Dispatcher => _app.Services.GetRequiredService<OutboxDispatcher>();

    public async Task InitializeAsync()
    {
        Assert.True(LocalSmtpServer.IsInstalled, "python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd).");
        await _smtp.StartAsync();
        await _webhook.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _dataFolder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Realty"] = $"Data Source={Path.Combine(_dataFolder, "realty.db")}",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "滨江花园 <notice@riverside.example>",
            ["Smtp:Security"] = "None",
            ["Smtp:TimeoutSeconds"] = "10",
            ["Sms:WebhookUrl"] = _webhook.Url,
        });
        builder.AddRealtyDatabase();
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSingleton<CustomerService>();
        builder.Services.AddSingleton<LedgerService>();
        builder.Services.AddNotices(builder.Configuration);
        _app = builder.Build();
        var dbFactory = _app.Services.GetRequiredService<IDbContextFactory<RealtyDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var project = new Project { Name = "滨江花园" };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        _projectId = project.Id;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        _smtp.Dispose();
        await _webhook.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task ABatchOfEmailsArrivesAtTheMailServerWithItsSubjectBodyAndRecipient()
    {
        await CustomerAsync("张伟", "13800138000", "zhang.wei@example.com");
        await CustomerAsync("赵丽", "13912345678", "zhao.li@example.com");
        await CustomerAsync("孙悦", "13700137000", email: null);
        var template = await TemplateAsync(NoticeChannel.Email, "{project.name}开盘通知", "{customer.name}您好：\n{project.name}将于本周六开盘，敬请光临。<b>不是HTML</b>");

        var queued = await SendBatchAsync(template, expected: 2);
        Assert.Equal(2, await Dispatcher.RunAsync());

        var received = _smtp.Received();
        Assert.Equal(["zhang.wei@example.com", "zhao.li@example.com"], received.Select(m => m.To.Mailboxes.Single().Address).Order());
        var zhang = received.Single(m => m.To.Mailboxes.Single().Address == "zhang.wei@example.com");
        Assert.Equal("滨江花园开盘通知", zhang.Subject);
        Assert.Equal("张伟您好：\n滨江花园将于本周六开盘，敬请光临。<b>不是HTML</b>", (zhang.TextBody ?? "").ReplaceLineEndings("\n").TrimEnd());
        Assert.Null(zhang.HtmlBody);
        Assert.Equal(("滨江花园", "notice@riverside.example"), (zhang.From.Mailboxes.Single().Name, zhang.From.Mailboxes.Single().Address));
        var outbox = await OutboxAsync();
        Assert.All(outbox, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal(queued, outbox.Count);
        Assert.Contains(outbox.Select(m => $"notice-{m.Id}@riverside.example"), id => id == zhang.MessageId);
    }

    [Fact]
    public async Task EmailsQueuedWhileTheMailServerIsDownAreRetriedAndDeliveredWhenItIsBack()
    {
        await CustomerAsync("张伟", "13800138000", "zhang.wei@example.com");
        var template = await TemplateAsync(NoticeChannel.Email, "付款提醒", "{customer.name}您好，请按时付款。");
        _smtp.Stop();

        await SendBatchAsync(template, expected: 1);
        Assert.Equal(0, await Dispatcher.RunAsync());
        var failed = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));

        await _smtp.StartAsync();
        Assert.Equal(0, await Dispatcher.RunAsync());
        _clock.Shift += TimeSpan.FromMinutes(1);
        Assert.Equal(1, await Dispatcher.RunAsync());

        var sent = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
        var mail = Assert.Single(_smtp.Received());
        Assert.Equal(("付款提醒", "张伟您好，请按时付款。"), (mail.Subject, (mail.TextBody ?? "").TrimEnd()));
    }

    [Fact]
    public async Task ATextMessageTheWebhookRefusesWithA500IsRetriedAndSentWhenItAnswers200()
    {
        await CustomerAsync("张伟", "13800138000", email: null);
        var template = await TemplateAsync(NoticeChannel.Sms, null, "{customer.name}您好，{project.name}祝您节日快乐！");
        _webhook.Answers.Enqueue(HttpStatusCode.InternalServerError);

        await SendBatchAsync(template, expected: 1);
        Assert.Equal(0, await Dispatcher.RunAsync());
        var failed = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, "The SMS gateway answered 500 Internal Server Error."), (failed.Status, failed.LastError));

        _clock.Shift += TimeSpan.FromMinutes(1);
        Assert.Equal(1, await Dispatcher.RunAsync());

        var sent = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Equal(2, _webhook.Received.Count);
        Assert.All(_webhook.Received, request =>
        {
            Assert.Equal("13800138000", request.GetProperty("to").GetString());
            Assert.Equal("张伟您好，滨江花园祝您节日快乐！", request.GetProperty("body").GetString());
            Assert.Equal($"notice-{sent.Id}", request.GetProperty("messageId").GetString());
        });
    }

    private async Task CustomerAsync(string name, string mobile, string? email)
    {
        var registered = await _app.Services.GetRequiredService<CustomerService>().RegisterAsync(new RegisterCustomer(_projectId, name, mobile, "路过", FirstContact.WalkIn), Agent);
        var id = Assert.IsType<RegisterResult.Registered>(registered).Customer.Id;
        if (email is not null)
        {
            Assert.IsType<LedgerAnswer.Found>(await _app.Services.GetRequiredService<LedgerService>().UpdateProfileAsync(id, new ProfileEdit(null, null, null, null, null, Email: email), Agent));
        }
    }

    private async Task<int> TemplateAsync(NoticeChannel channel, string? subject, string body)
    {
        var answer = await Notices.SaveTemplateAsync(_projectId, null, 0, new NoticeTemplateEdit("通知", NoticeKind.Other, channel, NoticeLanguage.Chinese, subject, body), Manager);
        return Assert.IsType<TemplateAnswer.Saved>(answer).Template.Id;
    }

    private async Task<int> SendBatchAsync(int templateId, int expected)
    {
        var audience = new NoticeAudience(templateId);
        var preview = Assert.IsType<BatchAnswer.Previewed>(await Notices.PreviewBatchAsync(_projectId, audience, Manager)).Preview;
        Assert.Equal(expected, preview.Count);
        return Assert.IsType<BatchAnswer.Queued>(await Notices.SendBatchAsync(_projectId, audience, preview, Manager)).Count;
    }

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<RealtyDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The system clock moved forward by what the test says: a minute of back-off passes at once.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }

    /// <summary>An SMS gateway on loopback: a small Kestrel app answering each POST with the next status it was told, then 200.</summary>
    private sealed class SmsWebhook : IAsyncDisposable
    {
        private WebApplication? _app;

        public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

        public ConcurrentQueue<JsonElement> Received { get; } = new();

        public string Url { get; private set; } = "";

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _app = builder.Build();
            _app.MapPost("/sms", (JsonElement message) =>
            {
                Received.Enqueue(message.Clone());
                return Results.StatusCode((int)(Answers.TryDequeue(out var status) ? status : HttpStatusCode.OK));
            });
            await _app.StartAsync();
            Url = _app.Urls.Single() + "/sms";
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
