using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;

namespace Realty.Live.Tests.Domain;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = Moments.Start;

    [Fact]
    public void FailuresWaitOneTwoFourEightSixteenMinutesThenTheMessageIsGivenUp()
    {
        var message = Message();
        var at = Now;
        var waits = new List<double>();
        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            Assert.True(message.IsDue(at));
            message.Claim(at);
            Assert.Equal((OutboxStatus.Sending, attempt), (message.Status, message.Attempts));
            message.Failed("421 try later", at);
            if (message.Status == OutboxStatus.Failed)
            {
                waits.Add((message.NextAttemptAt - at).TotalMinutes);
                Assert.False(message.IsDue(message.NextAttemptAt.AddSeconds(-1)));
                at = message.NextAttemptAt;
            }
        }

        Assert.Equal([1, 2, 4, 8, 16], waits);
        Assert.Equal((OutboxStatus.GaveUp, 6, "421 try later"), (message.Status, message.Attempts, message.LastError));
        Assert.False(message.IsDue(at.AddDays(1)));
    }

    [Fact]
    public void ARefusalForGoodIsGivenUpAtOnce()
    {
        var message = Message();
        message.Claim(Now);

        message.Failed("550 no such mailbox", Now, permanent: true);

        Assert.Equal((OutboxStatus.GaveUp, 1), (message.Status, message.Attempts));
    }

    [Fact]
    public void AClaimHoldsOthersOffUntilItsLeaseRunsOut()
    {
        var message = Message();
        message.Claim(Now);

        Assert.False(message.IsDue(Now + OutboxMessage.Lease - TimeSpan.FromSeconds(1)));
        Assert.Equal("outbox.notDue", Assert.Throws<DomainException>(() => message.Claim(Now.AddMinutes(1))).Key);
        Assert.True(message.IsDue(Now + OutboxMessage.Lease));
    }

    [Fact]
    public void SentClearsTheLastErrorAndKeepsTheTime()
    {
        var message = Message();
        message.Claim(Now);
        message.Failed("timeout", Now);
        message.Claim(Now.AddMinutes(1));

        message.Delivered(Now.AddMinutes(1));

        Assert.Equal((OutboxStatus.Sent, (string?)null, (DateTime?)Now.AddMinutes(1), 2), (message.Status, message.LastError, message.SentAt, message.Attempts));
        Assert.False(message.IsDue(Now.AddDays(1)));
    }

    [Fact]
    public void RetryNowGivesAGivenUpMessageOneMoreAttempt()
    {
        var message = Message();
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            message.Claim(message.NextAttemptAt);
            message.Failed("down", message.NextAttemptAt);
        }
        Assert.Equal(OutboxStatus.GaveUp, message.Status);
        var later = Now.AddHours(2);

        message.RetryNow(later);

        Assert.True(message.IsDue(later));
        message.Claim(later);
        message.Failed("still down", later);
        Assert.Equal(OutboxStatus.GaveUp, message.Status);
    }

    [Fact]
    public void OnlyAFailedMessageCanBeRetried()
    {
        Assert.Equal("outbox.retry.notFailed", Assert.Throws<DomainException>(() => Message().RetryNow(Now)).Key);
    }

    [Fact]
    public void ALongErrorIsCutAndKeptOnOneLine()
    {
        var message = Message();
        message.Claim(Now);

        message.Failed("line one\r\n" + new string('x', 1000), Now);

        Assert.Equal(OutboxMessage.MaxErrorLength, message.LastError!.Length);
        Assert.StartsWith("line one  x", message.LastError);
    }

    private static OutboxMessage Message() => OutboxMessage.Create(1, "test:1", NoticeChannel.Sms, "13800138000", null, "您好", Now);
}
