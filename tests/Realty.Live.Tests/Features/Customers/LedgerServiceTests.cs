using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

public sealed class LedgerServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Nov23 = new(2026, 11, 23);
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private CustomerService Registry => _app.Service<CustomerService>();

    private LedgerService Ledger => _app.Service<LedgerService>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheTimelineIsNewestFirstWithWhoWroteEachEntry()
    {
        var id = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        await Ledger.AddInteractionAsync(id, new InteractionEntry(InteractionKind.WalkIn, "首次来访"), People.Wang);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await Ledger.AddInteractionAsync(id, new InteractionEntry(InteractionKind.Showing, "喜欢", 5, "1#-0801"), People.Wang);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await Ledger.AddInteractionAsync(id, new InteractionEntry(InteractionKind.FollowUp, "经理回访", NextFollowUp: Nov23), People.Chen);

        var ledger = Assert.IsType<LedgerAnswer.Found>(await Ledger.LedgerAsync(id, People.Wang)).Ledger;

        Assert.Equal([InteractionKind.FollowUp, InteractionKind.Showing, InteractionKind.WalkIn], ledger.Timeline.Select(i => i.Kind));
        Assert.Equal([People.Chen.Name, People.Wang.Name, People.Wang.Name], ledger.Timeline.Select(i => i.ByName));
        Assert.Equal([Moments.Start.AddHours(2), Moments.Start.AddHours(1), Moments.Start], ledger.Timeline.Select(i => i.At));
        Assert.Equal((Nov23, true), (ledger.Customer.NextFollowUp, ledger.CanEdit));
    }

    [Fact]
    public async Task MyCustomersPutsOverdueFollowUpsFirstByTheProjectsCalendar()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var zhao = await RegisterAsync(Customers.ZhaoName, Customers.ZhaoPhone, People.Wang);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var sun = await RegisterAsync("孙悦", "13700137000", People.Wang);
        await Ledger.AddInteractionAsync(zhang, new InteractionEntry(InteractionKind.FollowUp, "周二再约", NextFollowUp: Nov23.AddDays(1)), People.Wang);
        await Ledger.AddInteractionAsync(zhao, new InteractionEntry(InteractionKind.FollowUp, "明天回电", NextFollowUp: Nov23), People.Wang);

        // 23:30 in Shanghai on the 23rd: Zhao is due today, not yet overdue.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 30, 0, TimeSpan.Zero));
        var evening = await Registry.ListAsync(_project.Id, new(), People.Wang);
        Assert.Equal([zhao, zhang, sun], evening.Select(c => c.Id));
        Assert.All(evening, c => Assert.False(c.Overdue));

        // 00:30 in Shanghai on the 24th, still the 23rd in UTC: Zhao is overdue.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero));
        var midnight = await Registry.ListAsync(_project.Id, new(), People.Wang);
        Assert.Equal([zhao, zhang, sun], midnight.Select(c => c.Id));
        Assert.Equal([true, false, false], midnight.Select(c => c.Overdue));
    }

    [Fact]
    public async Task AnOverdueCustomerComesBeforeOnesDueLaterEvenWhenRegisteredEarlier()
    {
        var zhang = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var zhao = await RegisterAsync(Customers.ZhaoName, Customers.ZhaoPhone, People.Wang);
        await Ledger.AddInteractionAsync(zhao, new InteractionEntry(InteractionKind.FollowUp, "下周", NextFollowUp: Nov23.AddDays(7)), People.Wang);
        await Ledger.AddInteractionAsync(zhang, new InteractionEntry(InteractionKind.FollowUp, "明天", NextFollowUp: Nov23), People.Wang);
        _app.Clock.Advance(TimeSpan.FromDays(3));

        var list = await Registry.ListAsync(_project.Id, new(), People.Wang);

        Assert.Equal([(zhang, true), (zhao, false)], list.Select(c => (c.Id, c.Overdue)));
    }

    [Fact]
    public async Task AnotherAgentIsRefusedTheLedgerAndWritesNothing()
    {
        var id = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        var refusal = L.T("ledger.notYours", People.Wang.Name);

        Assert.Equal(refusal, Assert.IsType<LedgerAnswer.Refused>(await Ledger.LedgerAsync(id, People.Li)).Message);
        Assert.Equal(refusal, Assert.IsType<LedgerAnswer.Refused>(
            await Ledger.AddInteractionAsync(id, new InteractionEntry(InteractionKind.FollowUp, "抢客户", NextFollowUp: Nov23), People.Li)).Message);
        Assert.Equal(refusal, Assert.IsType<LedgerAnswer.Refused>(
            await Ledger.UpdateProfileAsync(id, new ProfileEdit(null, 1_000_000m, "两房", null, null), People.Li)).Message);

        await using var db = _app.Open();
        Assert.Equal(0, await db.CustomerInteractions.CountAsync());
        var customer = await db.Customers.SingleAsync();
        Assert.Equal((null, null, null), (customer.NextFollowUp, customer.Budget, customer.WantedLayouts));
    }

    [Fact]
    public async Task AScriptInANoteIsStoredAsTyped()
    {
        var id = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        const string typed = "<script>alert('x')</script> 周末带父母来";

        var answer = await Ledger.AddInteractionAsync(id, new InteractionEntry(InteractionKind.FollowUp, typed), People.Wang);

        Assert.Equal(typed, Assert.IsType<LedgerAnswer.Found>(answer).Ledger.Timeline.Single().Note);
        await using var db = _app.Open();
        Assert.Equal(typed, (await db.CustomerInteractions.SingleAsync()).Note);
    }

    [Fact]
    public async Task BadInputIsExplainedAndChangesNothing()
    {
        var id = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);

        var showing = await Ledger.AddInteractionAsync(id, new InteractionEntry(InteractionKind.Showing, null, 7, "1#-0801"), People.Wang);
        var budget = await Ledger.UpdateProfileAsync(id, new ProfileEdit("11010519491231002X", -5m, null, null, null), People.Wang);

        Assert.Equal(L.T("ledger.satisfaction.range"), Assert.IsType<LedgerAnswer.Refused>(showing).Message);
        Assert.Equal(L.T("ledger.budget.negative"), Assert.IsType<LedgerAnswer.Refused>(budget).Message);
        await using var db = _app.Open();
        Assert.Equal(0, await db.CustomerInteractions.CountAsync());
        Assert.Null((await db.Customers.SingleAsync()).IdNumber);
    }

    [Fact]
    public async Task TheOwnerSeesTheIdNumberMaskedAndAManagerWhole()
    {
        var id = await RegisterAsync(Customers.ZhangName, Customers.ZhangPhone, People.Wang);

        var saved = await Ledger.UpdateProfileAsync(id, new ProfileEdit("11010519491231002X", 3_200_000m, "三房", "120㎡", "高层"), People.Wang);

        var owner = Assert.IsType<LedgerAnswer.Found>(saved).Ledger.Profile;
        Assert.Equal(("110***********002X", false, 3_200_000m, "三房"), (owner.IdNumber, owner.IdNumberShown, owner.Budget, owner.Layouts));
        var manager = Assert.IsType<LedgerAnswer.Found>(await Ledger.LedgerAsync(id, People.Chen)).Ledger.Profile;
        Assert.Equal(("11010519491231002X", true), (manager.IdNumber, manager.IdNumberShown));
        Assert.Equal(Customers.ZhangPhone, Assert.IsType<LedgerAnswer.Found>(await Ledger.LedgerAsync(id, People.Chen)).Ledger.Customer.Phone);
    }

    [Fact]
    public async Task AnUnknownCustomerIsRefused()
    {
        Assert.Equal(L.T("ledger.notFound"), Assert.IsType<LedgerAnswer.Refused>(await Ledger.LedgerAsync(999, People.Chen)).Message);
    }

    private async Task<int> RegisterAsync(string name, string mobile, Actor agent) =>
        Assert.IsType<RegisterResult.Registered>(await Registry.RegisterAsync(new RegisterCustomer(_project.Id, name, mobile, "户外广告", FirstContact.WalkIn, Confirm: true), agent)).Customer.Id;
}
