using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Notices;

namespace Realty.Live.Tests.Features.Notices;

/// <summary>The dispatcher's states over a real database, with a text-message gateway the test scripts.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private readonly ScriptedGateway _gateway = new();
    private SeededProject _project = default!;

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AMessageIsMarkedSentOnceTheGatewayAcceptedIt()
    {
        var id = await _app.QueueAsync(_project.Id, NoticeChannel.Sms, Customers.ZhangPhone, "test:1", "张伟您好");

        Assert.Equal(1, await Dispatcher().RunAsync());

        Assert.Equal([new SmsMessage(Customers.ZhangPhone, "张伟您好", $"notice-{id}")], _gateway.Accepted);
        var sent = Assert.Single(await _app.OutboxAsync());
        Assert.Equal((OutboxStatus.Sent, 1, (DateTime?)_app.Now, (DateTime?)null), (sent.Status, sent.Attempts, sent.SentAt, sent.LeaseUntil));
    }

    [Fact]
    public async Task AFailingGatewayIsTriedAgainAfterOneThenTwoMinutesUntilItAccepts()
    {
        await _app.QueueAsync(_project.Id, NoticeChannel.Sms, Customers.ZhangPhone, "test:1");
        _gateway.FailNext(2, "gateway answered 500");
        var start = _app.Now;

        await Dispatcher().RunAsync();
        Assert.Equal((OutboxStatus.Failed, 1, start.AddMinutes(1), "gateway answered 500"), State(await SingleAsync()));

        _app.Clock.Advance(TimeSpan.FromSeconds(59));
        await Dispatcher().RunAsync();
        Assert.Equal(1, (await SingleAsync()).Attempts);

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        await Dispatcher().RunAsync();
        Assert.Equal((OutboxStatus.Failed, 2, start.AddMinutes(3), "gateway answered 500"), State(await SingleAsync()));

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Dispatcher().RunAsync();
        var sent = await SingleAsync();
        Assert.Equal((OutboxStatus.Sent, 3, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Single(_gateway.Accepted);
    }

    [Fact]
    public async Task AfterSixFailedAttemptsTheMessageIsGivenUpAndNotTriedAgain()
    {
        await _app.QueueAsync(_project.Id, NoticeChannel.Sms, Customers.ZhangPhone, "test:1");
        _gateway.FailNext(100, "down");

        for (var minute = 0; minute <= 1 + 2 + 4 + 8 + 16 + 60; minute++)
        {
            await Dispatcher().RunAsync();
            _app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var message = await SingleAsync();
        Assert.Equal((OutboxStatus.GaveUp, OutboxMessage.MaxAttempts), (message.Status, message.Attempts));
        Assert.Equal(OutboxMessage.MaxAttempts, _gateway.Calls);
    }

    [Fact]
    public async Task TwoDispatchersAtOnceSendEveryMessageExactlyOnce()
    {
        for (var i = 0; i < 20; i++)
        {
            await _app.QueueAsync(_project.Id, NoticeChannel.Sms, $"1380013{i:D4}", $"test:{i}");
        }
        _gateway.Delay = TimeSpan.FromMilliseconds(5);

        var sent = await Task.WhenAll(Task.Run(() => Dispatcher().RunAsync()), Task.Run(() => Dispatcher().RunAsync()));

        Assert.Equal(20, sent.Sum());
        Assert.Equal(20, _gateway.Accepted.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(20, _gateway.Calls);
        Assert.All(await _app.OutboxAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task AClaimLostWithItsNodeIsTakenUpWhenItsLeaseRunsOut()
    {
        await _app.QueueAsync(_project.Id, NoticeChannel.Sms, Customers.ZhangPhone, "test:1");
        await using (var db = _app.Open())
        {
            // Another node claimed the message and went down before it said how sending went.
            db.OutboxMessages.Single().Claim(_app.Now);
            await db.SaveChangesAsync();
        }

        _app.Clock.Advance(OutboxMessage.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Dispatcher().RunAsync());
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Dispatcher().RunAsync());

        Assert.Equal((OutboxStatus.Sent, 2), ((await SingleAsync()).Status, (await SingleAsync()).Attempts));
    }

    [Fact]
    public async Task AnEmailToAMailServerThatIsNotThereFailsWithTheReasonAndIsRetried()
    {
        await _app.QueueAsync(_project.Id, NoticeChannel.Email, "zhang.wei@example.com", "test:1");
        var smtp = new SmtpEmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = ClosedPort(), From = "notice@example.com", Security = SmtpSecurity.None, TimeoutSeconds = 5 }));

        Assert.Equal(0, await Dispatcher(smtp).RunAsync());

        var message = await SingleAsync();
        Assert.Equal((OutboxStatus.Failed, 1, _app.Now.AddMinutes(1)), (message.Status, message.Attempts, message.NextAttemptAt));
        Assert.Contains("SocketException", message.LastError);
    }

    [Fact]
    public async Task WithoutAMailServerConfiguredEmailFailsSayingSo()
    {
        await _app.QueueAsync(_project.Id, NoticeChannel.Email, "zhang.wei@example.com", "test:1");

        await Dispatcher(new SmtpEmailSender(Options.Create(new SmtpOptions()))).RunAsync();

        Assert.Equal("SMTP is not configured: set Smtp:Host and Smtp:From.", (await SingleAsync()).LastError);
    }

    [Fact]
    public async Task TheLogOnlyGatewayCountsATextMessageAsSent()
    {
        await _app.QueueAsync(_project.Id, NoticeChannel.Sms, Customers.ZhangPhone, "test:1");

        Assert.Equal(1, await _app.Service<OutboxDispatcher>().RunAsync());

        Assert.IsType<LogOnlySmsSender>(_app.Service<ISmsSender>());
        Assert.Equal(OutboxStatus.Sent, (await SingleAsync()).Status);
    }

    private OutboxDispatcher Dispatcher(SmtpEmailSender? smtp = null) =>
        new(_app.Database.Factory(), smtp ?? _app.Service<SmtpEmailSender>(), _gateway, _app.Clock, NullLogger<OutboxDispatcher>.Instance);

    private async Task<OutboxMessage> SingleAsync() => Assert.Single(await _app.OutboxAsync());

    private static (OutboxStatus, int, DateTime, string?) State(OutboxMessage m) => (m.Status, m.Attempts, m.NextAttemptAt, m.LastError);

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A text-message gateway that fails as often as told, then accepts, and remembers what it accepted.</summary>
    private sealed class ScriptedGateway : ISmsSender
    {
        private readonly ConcurrentQueue<SmsMessage> _accepted = new();
        private int _failures;
        private string _error = "";
        private int _calls;

        public TimeSpan Delay { get; set; }

        public IReadOnlyList<SmsMessage> Accepted => [.. _accepted];

        public int Calls => _calls;

        public void FailNext(int times, string error) => (_failures, _error) = (times, error);

        public async Task SendAsync(SmsMessage message, CancellationToken cancellation)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Delay, cancellation);
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                throw new DeliveryFailedException(_error);
            }
            _accepted.Enqueue(message);
        }
    }
}
