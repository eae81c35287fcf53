using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Notices;

namespace Realty.Live.Tests.Features.Notices;

/// <summary>Birthday greetings at 10:00 in the project's time zone (Shanghai, UTC+8, unless a test moves it).</summary>
public sealed class BirthdayJobTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private BirthdayJob Job => _app.Service<BirthdayJob>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        await _app.TemplateAsync(_project.Id, new NoticeTemplateEdit("生日短信", NoticeKind.Birthday, NoticeChannel.Sms, NoticeLanguage.Chinese, null, "{customer.name}，{project.name}祝您生日快乐！"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task GreetingsAreQueuedAtTenInTheProjectsTimeZoneNotAMinuteBefore()
    {
        var zhang = await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, birthday: new DateOnly(1990, 11, 23));
        await _app.CustomerAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, birthday: new DateOnly(1990, 11, 24));

        // 01:59 UTC on 23 Nov is 09:59 in Shanghai.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 1, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await Job.RunAsync());
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Job.RunAsync());

        var greeting = Assert.Single(await _app.OutboxAsync());
        Assert.Equal((zhang, Customers.ZhangPhone, "张伟，滨江花园 Riverside Garden祝您生日快乐！", "birthday:2026:" + zhang + ":sms"),
            (greeting.CustomerId, greeting.Recipient, greeting.Body, greeting.Key));
    }

    [Fact]
    public async Task TheHourIsThatOfTheProjectsOwnTimeZone()
    {
        await SetTimeZoneAsync("Europe/London");
        await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, birthday: new DateOnly(1990, 11, 22));

        // 10:00 in Shanghai is 02:00 in London; 09:59 UTC is 09:59 in London in winter.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 9, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await Job.RunAsync());
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Job.RunAsync());
    }

    [Fact]
    public async Task RunningTwiceOrOnTwoNodesAtOnceGreetsOnceAYear()
    {
        var zhang = await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, birthday: new DateOnly(1990, 11, 22));

        var runs = await Task.WhenAll(Task.Run(() => Job.RunAsync()), Task.Run(() => Job.RunAsync()));
        _app.Clock.Advance(TimeSpan.FromHours(5));
        var later = await Job.RunAsync();

        Assert.Equal((1, 0), (runs.Sum(), later));
        Assert.Single(await _app.OutboxAsync());

        _app.Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(1, await Job.RunAsync());
        Assert.Equal([$"birthday:2026:{zhang}:sms", $"birthday:2027:{zhang}:sms"], (await _app.OutboxAsync()).Select(m => m.Key));
    }

    [Fact]
    public async Task BornOnTheTwentyNinthOfFebruaryIsGreetedOnTheTwentyEighthInOtherYears()
    {
        var leap = await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, birthday: new DateOnly(1988, 2, 29));
        var feb28 = await _app.CustomerAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, birthday: new DateOnly(1990, 2, 28));

        async Task<IReadOnlyList<int?>> GreetedOnAsync(int year, int month, int day)
        {
            var before = (await _app.OutboxAsync()).Count;
            // 02:00 UTC is 10:00 in Shanghai.
            _app.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));
            await Job.RunAsync();
            return [.. (await _app.OutboxAsync()).Skip(before).Select(m => m.CustomerId)];
        }

        Assert.Equal([leap, feb28], await GreetedOnAsync(2027, 2, 28));
        Assert.Empty(await GreetedOnAsync(2027, 3, 1));
        Assert.Equal([feb28], await GreetedOnAsync(2028, 2, 28));
        Assert.Equal([leap], await GreetedOnAsync(2028, 2, 29));
    }

    [Fact]
    public async Task AnEmailGreetingGoesOnlyToCustomersWithAnAddressAndTheTextGreetingToAll()
    {
        await _app.TemplateAsync(_project.Id, new NoticeTemplateEdit("生日邮件", NoticeKind.Birthday, NoticeChannel.Email, NoticeLanguage.English, "Happy birthday, {customer.name}", "Best wishes from {project.name}."));
        var zhang = await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, "zhang.wei@example.com", new DateOnly(1990, 11, 22));
        var zhao = await _app.CustomerAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, birthday: new DateOnly(1990, 11, 22));

        Assert.Equal(3, await Job.RunAsync());

        Assert.Equal(
            [(zhang, NoticeChannel.Sms, Customers.ZhangPhone), (zhao, NoticeChannel.Sms, Customers.ZhaoPhone), (zhang, NoticeChannel.Email, "zhang.wei@example.com")],
            (await _app.OutboxAsync()).Select(m => (m.CustomerId!.Value, m.Channel, m.Recipient)));
        Assert.Equal("Happy birthday, 张伟", (await _app.OutboxAsync())[2].Subject);
    }

    [Fact]
    public async Task AProjectWithoutABirthdayTemplateSendsNothing()
    {
        await using (var db = _app.Open())
        {
            db.NoticeTemplates.RemoveRange(db.NoticeTemplates);
            await db.SaveChangesAsync();
        }
        await _app.CustomerAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, birthday: new DateOnly(1990, 11, 22));

        Assert.Equal(0, await Job.RunAsync());
    }

    private async Task SetTimeZoneAsync(string timeZone)
    {
        await using var db = _app.Open();
        db.Projects.Single().TimeZoneId = timeZone;
        await db.SaveChangesAsync();
    }
}
