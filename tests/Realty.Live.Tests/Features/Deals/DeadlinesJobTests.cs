using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Deals;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Deals;

/// <summary>
/// The job of every minute. The clock starts at 02:00 UTC on 22 Nov 2026, 10:00 in Shanghai, the
/// project's time zone; holds last 30 minutes, deposits 3 days, and a subscription is signed within 7 days.
/// </summary>
public sealed class DeadlinesJobTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private DeadlinesJob Job => _app.Service<DeadlinesJob>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower().WithHoldMinutes(30));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HoldsAndDepositsPastTheirTimeGoBackOnSale()
    {
        var held = _project.UnitId("1#-501");
        var deposited = _project.UnitId("1#-502");
        await _app.StepAsync(held, UnitAction.Hold, Buyer());
        var deal = (await _app.StepAsync(deposited, UnitAction.Deposit, Buyer())).Deal!.Id;

        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        await Job.RunAsync();
        Assert.Equal(("available", "deposited"), (await StatusAsync(held), await StatusAsync(deposited)));

        _app.Clock.Advance(TimeSpan.FromDays(3));
        await Job.RunAsync();
        Assert.Equal("available", await StatusAsync(deposited));
        // Nothing is owed any more; the deposit paid stays on the books.
        Assert.Empty(await _app.ScheduleAsync(deal));
        Assert.Equal([20_000m], (await _app.ReceiptsAsync(deal)).Select(r => r.Amount));
    }

    [Fact]
    public async Task ADepositThatRanOutRemindsItsAgentOnce()
    {
        var unit = _project.UnitId("1#-502");
        var deal = (await _app.StepAsync(unit, UnitAction.Deposit, Buyer())).Deal!.Id;
        _app.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(1)));

        await Job.RunAsync();
        await Job.RunAsync();

        await using var db = _app.Open();
        var reminder = await db.Reminders.SingleAsync();
        Assert.Equal((ReminderKind.DepositExpired, $"deposit-expired:{deal}", People.Wang.Id, "1#-502", deal, "20000.00"),
            (reminder.Kind, reminder.Key, reminder.RecipientId, reminder.UnitCode, reminder.DealId, reminder.Detail));
        Assert.Equal([new ReminderAdded(_project.Id, null)], _app.Published.Of<ReminderAdded>());
    }

    [Fact]
    public async Task AReminderReadsTheSameWhateverTheServersCulture()
    {
        var deposit = (await _app.StepAsync(_project.UnitId("1#-502"), UnitAction.Deposit, Buyer() with { Deposit = 12_345.6m })).Deal!.Id;
        await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Subscribe, Buyer() with { PlanId = _project.OneOffPlanId });
        _app.Clock.Advance(TimeSpan.FromDays(8));

        using (CultureScope.Of("de-DE"))
        {
            await Job.RunAsync();
        }

        var reminders = await RemindersAsync();
        Assert.Equal("12345.60", reminders.Single(r => r.DealId == deposit).Detail);
        Assert.All(reminders.Where(r => r.Kind == ReminderKind.SignOverdue), r => Assert.Equal("2026-11-29", r.Detail));
    }

    [Fact]
    public async Task ASubscriptionPastItsSigningDateRemindsTheAgentAndTheManagersOnceADay()
    {
        var unit = _project.UnitId("1#-501");
        var subscribed = await _app.StepAsync(unit, UnitAction.Subscribe, Buyer() with { PlanId = _project.OneOffPlanId });
        // 22 Nov + 7 days
        Assert.Equal(new DateOnly(2026, 11, 29), subscribed.Deal!.SignBy);

        // 15:30 UTC on 29 Nov is 23:30 in Shanghai: still the last day to sign.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 15, 30, 0, TimeSpan.Zero));
        await Job.RunAsync();
        Assert.Empty(await RemindersAsync());

        // 23:30 UTC on 29 Nov is already 07:30 on 30 Nov in Shanghai: overdue.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero));
        await Job.RunAsync();
        await Job.RunAsync();
        Assert.Equal(
            [
                (ReminderKind.SignOverdue, $"sign-overdue:{subscribed.Deal.Id}:20261130", People.Wang.Id, "2026-11-29"),
                (ReminderKind.SignOverdue, $"sign-overdue:{subscribed.Deal.Id}:20261130:managers", null, "2026-11-29"),
            ],
            (await RemindersAsync()).Select(r => (r.Kind, r.Key, r.RecipientId, r.Detail)));
        Assert.Single(_app.Published.Of<ReminderAdded>());

        // The next day in Shanghai: reminded again.
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await Job.RunAsync();
        Assert.Equal(4, (await RemindersAsync()).Count);

        // Signed: no more reminders.
        await _app.StepAsync(unit, UnitAction.Sign, new UnitCommand(0, ContractNo: "HT-2026-0001", ContractDate: new DateOnly(2026, 12, 1)));
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await Job.RunAsync();
        Assert.Equal(4, (await RemindersAsync()).Count);
    }

    [Fact]
    public async Task TheDayToSignByIsCountedInTheProjectsCalendar()
    {
        // 23:30 UTC on 22 Nov is 07:30 on 23 Nov in Shanghai: the subscription is of 23 Nov.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));

        var subscribed = await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Subscribe, Buyer() with { PlanId = _project.OneOffPlanId });

        // 23 Nov + 7, not 22 Nov + 7 as the UTC date would say.
        Assert.Equal(new DateOnly(2026, 11, 30), subscribed.Deal!.SignBy);
        await using var db = _app.Open();
        var earnest = await db.Receivables.SingleAsync(r => r.DealId == subscribed.Deal.Id && r.Kind == ReceivableKind.Earnest);
        Assert.Equal(new DateOnly(2026, 11, 23), earnest.Due);
    }

    [Fact]
    public async Task AProjectInAnotherTimeZoneKeepsItsOwnCalendar()
    {
        await using (var db = _app.Open())
        {
            await db.Projects.Where(p => p.Id == _project.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.TimeZoneId, "America/New_York"));
        }

        // 02:00 UTC on 22 Nov is 21:00 on 21 Nov in New York: signed by 21 Nov + 7 = 28 Nov.
        var subscribed = await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Subscribe, Buyer() with { PlanId = _project.OneOffPlanId });
        Assert.Equal(new DateOnly(2026, 11, 28), subscribed.Deal!.SignBy);

        // 04:30 UTC on 29 Nov is 23:30 on 28 Nov in New York: not yet overdue; 05:30 UTC is 00:30 on 29 Nov: overdue.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 4, 30, 0, TimeSpan.Zero));
        await Job.RunAsync();
        Assert.Empty(await RemindersAsync());
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 5, 30, 0, TimeSpan.Zero));
        await Job.RunAsync();
        Assert.All(await RemindersAsync(), r => Assert.StartsWith($"sign-overdue:{subscribed.Deal.Id}:20261129", r.Key));
        Assert.Equal(2, (await RemindersAsync()).Count);
    }

    [Fact]
    public async Task NothingDueNothingWritten()
    {
        await _app.StepAsync(_project.UnitId("1#-501"), UnitAction.Hold, Buyer());
        await _app.StepAsync(_project.UnitId("1#-502"), UnitAction.Subscribe, Buyer() with { PlanId = _project.OneOffPlanId });
        var published = _app.Published.Messages.Count;
        var before = await _app.LedgerAsync();

        _app.Clock.Advance(TimeSpan.FromMinutes(29));
        await Job.RunAsync();

        Assert.Equal(before, await _app.LedgerAsync());
        Assert.Equal(published, _app.Published.Messages.Count);
    }

    private static UnitCommand Buyer() => new(0, Customers.ZhangName, Customers.ZhangPhone);

    private async Task<string> StatusAsync(int unitId) => (await _app.Units.GetAsync(unitId, People.Wang))!.Status;

    private async Task<List<Reminder>> RemindersAsync()
    {
        await using var db = _app.Open();
        return await db.Reminders.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }
}
