using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>Wang registered 张伟 first; Li tried the same mobile and was refused. The manager Chen reviews it.</summary>
public sealed class DuplicateReviewServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int _zhang;
    private int _attempt;

    private CustomerService Registry => _app.Service<CustomerService>();

    private DuplicateReviewService Review => _app.Service<DuplicateReviewService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        _zhang = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        _attempt = await Registry.AttemptAsync(_app.Database, _project.Id, "张先生", "138 0013 8000", People.Li);
        _app.Clock.Advance(TimeSpan.FromHours(1));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheLogListsWhoTriedWhenWithWhatNameAndTheCustomerWithItsOwner()
    {
        var log = await Review.LogAsync(_project.Id, People.Chen);

        var attempt = Assert.Single(log.Attempts);
        Assert.Equal((People.Li.Name, Moments.Start.AddHours(1), "张先生", Customers.ZhangName, Customers.ZhangPhone, People.Wang.Name, true),
            (attempt.AttemptedByName, attempt.At, attempt.TypedName, attempt.Customer.Name, attempt.Customer.Phone, attempt.Customer.OwnerName, attempt.Open));
        Assert.Empty(attempt.SameName);
    }

    [Fact]
    public async Task DismissingLeavesTheOwnerAndRecordsWhoWhenAndHow()
    {
        var answer = await Review.DismissAsync(_attempt, " 王芳先接待 ", People.Chen);

        Assert.True(answer.Done, answer.Message);
        Assert.Equal(People.Wang.Id, (await _app.Database.CustomerAsync(_zhang)).OwnerId);
        await using var db = _app.Open();
        var attempt = await db.DuplicateAttempts.SingleAsync();
        Assert.Equal((DuplicateResolution.Dismissed, People.Chen.Id, People.Chen.Name, Moments.Start.AddHours(2), "王芳先接待"),
            (attempt.Resolution, attempt.ResolvedById, attempt.ResolvedByName, attempt.ResolvedAt, attempt.ResolutionNote));
        Assert.Empty(await db.CustomerTransfers.ToListAsync());
    }

    [Fact]
    public async Task ReassigningGivesTheCustomerToTheAgentWhoTriedAndLogsTheTransfer()
    {
        var answer = await Review.ReassignAsync(_attempt, "客户指定李强", People.Chen);

        Assert.Equal(L.T("duplicate.reassigned", Customers.ZhangName, People.Li.Name), answer.Message);
        var customer = await _app.Database.CustomerAsync(_zhang);
        Assert.Equal((People.Li.Id, People.Li.Name, Moments.Start.AddHours(2)), (customer.OwnerId, customer.OwnerName, customer.OwnedSince));
        var transfer = Assert.Single(await _app.Database.TransfersAsync());
        Assert.Equal((TransferKind.Reassign, People.Wang.Name, People.Li.Name, People.Chen.Name, "客户指定李强"),
            (transfer.Kind, transfer.FromOwnerName, transfer.ToOwnerName, transfer.ByName, transfer.Reason));
        await using var db = _app.Open();
        Assert.Equal(DuplicateResolution.Reassigned, (await db.DuplicateAttempts.SingleAsync()).Resolution);
    }

    [Fact]
    public async Task AnAttemptIsResolvedOnlyOnce()
    {
        await Review.DismissAsync(_attempt, null, People.Chen);
        var before = await _app.Database.SnapshotAsync();

        var answer = await Review.ReassignAsync(_attempt, null, People.Chen);

        Assert.Equal((false, L.T("duplicate.alreadyResolved", People.Chen.Name)), (answer.Done, answer.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
    }

    [Fact]
    public async Task AgentsCannotResolveAndAnOverLongNoteIsRefusedWithNothingChanged()
    {
        var before = await _app.Database.SnapshotAsync();

        var byAgent = await Review.ReassignAsync(_attempt, null, People.Li);
        var longNote = await Review.DismissAsync(_attempt, new string('很', OwnershipText.MaxLength + 1), People.Chen);
        var unknown = await Review.DismissAsync(_attempt + 100, null, People.Chen);

        Assert.Equal(
            [L.T("ownership.managersOnly"), L.T("transfer.reason.tooLong", OwnershipText.MaxLength), L.T("duplicate.notFound")],
            new[] { byAgent, longNote, unknown }.Select(a => a.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
    }

    [Fact]
    public async Task MergingMovesTheTimelineAttemptsAndHistoryAndTheMergedNumberStillFindsTheCustomer()
    {
        // Li had registered the same 张伟 under his second number, with a visit of his own.
        var second = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhaoPhone, People.Li);
        await _app.Service<LedgerService>().AddInteractionAsync(second, new InteractionEntry(InteractionKind.FollowUp, "想要三房"), People.Li);
        var secondAttempt = await Registry.AttemptAsync(_app.Database, _project.Id, Customers.ZhangName, Customers.ZhaoPhone, People.Wang);
        var candidates = Assert.Single((await Review.LogAsync(_project.Id, People.Chen)).Attempts, a => a.Id == _attempt).SameName;
        Assert.Equal([second], candidates.Select(c => c.Id));

        var answer = await Review.MergeAsync(new MergeCustomers(_zhang, second, _attempt, "同一人两个号码"), People.Chen);

        Assert.Equal(L.T("merge.done", Customers.ZhangName, Customers.ZhaoPhone, Customers.ZhangName, Customers.ZhangPhone), answer.Message);
        await using (var db = _app.Open())
        {
            Assert.Equal([_zhang], await db.Customers.Select(c => c.Id).ToListAsync());
            Assert.Equal("想要三房", (await db.CustomerInteractions.SingleAsync(i => i.CustomerId == _zhang)).Note);
            Assert.Equal([_zhang, _zhang], await db.DuplicateAttempts.OrderBy(a => a.Id).Select(a => a.CustomerId).ToListAsync());
            var resolved = await db.DuplicateAttempts.SingleAsync(a => a.Id == _attempt);
            Assert.Equal((DuplicateResolution.Merged, "同一人两个号码"), (resolved.Resolution, resolved.ResolutionNote));
            Assert.Null((await db.DuplicateAttempts.SingleAsync(a => a.Id == secondAttempt)).Resolution);
            var alias = await db.CustomerAliases.SingleAsync();
            Assert.Equal((_zhang, Customers.ZhaoPhone, Customers.ZhangName, People.Li.Name, People.Chen.Name),
                (alias.CustomerId, alias.Mobile, alias.MergedName, alias.MergedOwnerName, alias.MergedByName));
        }
        var merge = Assert.Single(await _app.Database.TransfersAsync());
        Assert.Equal((TransferKind.Merge, _zhang, People.Li.Name, People.Wang.Name), (merge.Kind, merge.CustomerId, merge.FromOwnerName, merge.ToOwnerName));
        Assert.Equal([_zhang], (await Registry.ListAsync(_project.Id, new CustomerFilter(), People.Chen)).Select(c => c.Id));

        // Registering the merged number again is a duplicate of the kept customer, owned by Wang.
        var again = await Registry.RegisterAsync(new RegisterCustomer(_project.Id, "张伟", "139 1234 5678", OwnershipSetup.Channel, FirstContact.Call), Staff.Zhou);
        var duplicate = Assert.IsType<RegisterResult.Duplicate>(again);
        Assert.Equal((_zhang, People.Wang.Name), (duplicate.Existing.Id, duplicate.Existing.OwnerName));
    }

    [Fact]
    public async Task MergingMovesTheMergedRecordsDealsToTheKeptCustomer()
    {
        var second = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhaoPhone, People.Li);
        await _app.Units.ExecuteAsync(_project.UnitId("1#-501"), UnitAction.Hold, new Realty.Live.Web.Features.Board.UnitCommand(1, CustomerId: second), People.Li);

        await Review.MergeAsync(new MergeCustomers(_zhang, second, _attempt, "同一人"), People.Chen);

        await using var db = _app.Open();
        Assert.Equal(_zhang, (await db.Deals.SingleAsync()).CustomerId);
        Assert.Equal(FunnelStage.Interested, (await db.Customers.SingleAsync()).Stage);
    }

    [Fact]
    public async Task AMergeKeepsWhatTheKeptRecordLacksFromTheOther()
    {
        var second = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhaoPhone, People.Li);
        await _app.Service<LedgerService>().UpdateProfileAsync(second, new ProfileEdit(null, 3_000_000m, "C", null, null, Job: "教师"), People.Li);

        Assert.True((await Review.MergeAsync(new MergeCustomers(_zhang, second), People.Chen)).Done);

        var kept = await _app.Database.CustomerAsync(_zhang);
        Assert.Equal((3_000_000m, "C", "教师", People.Wang.Id), (kept.Budget, kept.WantedLayouts, kept.Job, kept.OwnerId));
    }

    [Fact]
    public async Task MergingARecordWithItselfOrAnotherProjectsIsRefusedWithNothingChanged()
    {
        var otherProject = await _app.Database.AddProjectAsync("锦绣华庭");
        var elsewhere = await Registry.RegisterAsync(otherProject, Customers.ZhangName, Customers.ZhaoPhone, People.Li);
        var before = await _app.Database.SnapshotAsync();

        var itself = await Review.MergeAsync(new MergeCustomers(_zhang, _zhang), People.Chen);
        var acrossProjects = await Review.MergeAsync(new MergeCustomers(_zhang, elsewhere), People.Chen);
        var byAgent = await Review.MergeAsync(new MergeCustomers(_zhang, elsewhere), People.Wang);

        Assert.Equal([L.T("merge.sameRecord"), L.T("merge.sameRecord"), L.T("ownership.managersOnly")], new[] { itself, acrossProjects, byAgent }.Select(a => a.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
    }

    [Fact]
    public async Task SameNameRecordsAreGroupedForReview()
    {
        var second = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhaoPhone, People.Li);
        await Registry.RegisterAsync(_project.Id, Customers.ZhaoName, "13700001111", People.Li);

        var group = Assert.Single((await Review.LogAsync(_project.Id, People.Chen)).SameName);

        Assert.Equal(Customers.ZhangName, group.Name);
        Assert.Equal([_zhang, second], group.Customers.Select(c => c.Id));
    }
}
