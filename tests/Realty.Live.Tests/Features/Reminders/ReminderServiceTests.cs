using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Reminders;

namespace Realty.Live.Tests.Features.Reminders;

public sealed class ReminderServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private ReminderService Bell => _app.Service<ReminderService>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAgentSeesTheirOwnAndAManagerAlsoTheManagers()
    {
        await AddAsync(Reminder("a", People.Wang.Id), Reminder("b", People.Li.Id), Reminder("c", null), Reminder("d", People.Chen.Id));

        Assert.Equal(["1#-a"], (await Bell.ListAsync(People.Wang)).Select(r => r.UnitCode));
        Assert.Equal(["1#-d", "1#-c"], (await Bell.ListAsync(People.Chen)).Select(r => r.UnitCode));
        Assert.Equal((1, 2), (await Bell.UnreadAsync(People.Li), await Bell.UnreadAsync(People.Chen)));
    }

    [Fact]
    public async Task ReadRemindersGoBelowTheUnreadOnes()
    {
        await AddAsync(Reminder("old", People.Wang.Id), Reminder("new", People.Wang.Id));
        var newest = (await Bell.ListAsync(People.Wang))[0];

        await Bell.MarkReadAsync(People.Wang, newest.Id);

        var list = await Bell.ListAsync(People.Wang);
        Assert.Equal([("1#-old", false), ("1#-new", true)], list.Select(r => (r.UnitCode, r.Read)));
        Assert.Equal(1, await Bell.UnreadAsync(People.Wang));
    }

    [Fact]
    public async Task MarkingAllReadTouchesOnlyTheViewersReminders()
    {
        await AddAsync(Reminder("a", People.Wang.Id), Reminder("b", People.Li.Id), Reminder("c", null));

        await Bell.MarkReadAsync(People.Wang);
        // Someone else's reminder, named by id, is not theirs to mark.
        await Bell.MarkReadAsync(People.Wang, (await Bell.ListAsync(People.Li))[0].Id);

        Assert.Equal((0, 1, 1), (await Bell.UnreadAsync(People.Wang), await Bell.UnreadAsync(People.Li), await Bell.UnreadAsync(People.Chen)));
    }

    [Fact]
    public async Task AReminderWithAKeyAlreadyWrittenIsWrittenOnce()
    {
        await using var db = _app.Open();

        var first = await ReminderService.AddNewAsync(db, [Reminder("a", People.Wang.Id, key: "k1"), Reminder("b", People.Wang.Id, key: "k2")]);
        var again = await ReminderService.AddNewAsync(db, [Reminder("a", People.Wang.Id, key: "k1"), Reminder("c", People.Wang.Id, key: "k3")]);
        var none = await ReminderService.AddNewAsync(db, []);

        Assert.Equal((2, 1, 0), (first, again, none));
        Assert.Equal(["1#-c", "1#-b", "1#-a"], (await Bell.ListAsync(People.Wang)).Select(r => r.UnitCode));
    }

    private Reminder Reminder(string code, string? recipient, string? key = null) =>
        new(_project.Id, ReminderKind.ChangeDecided, key ?? $"test:{code}", recipient, $"1#-{code}", null, _app.Now);

    private async Task AddAsync(params Reminder[] reminders)
    {
        await using var db = _app.Open();
        await ReminderService.AddNewAsync(db, reminders);
    }
}
