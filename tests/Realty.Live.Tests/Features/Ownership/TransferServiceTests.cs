using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>Wang has two customers and Li one; Zhou joins the office; Chen, the manager, moves them around.</summary>
public sealed class TransferServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int _zhang;
    private int _zhao;
    private int _sun;

    private CustomerService Registry => _app.Service<CustomerService>();

    private TransferService Transfers => _app.Service<TransferService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        await _app.Database.AddStaffAsync([People.Wang, People.Li, People.Chen, Staff.Zhou]);
        _zhang = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
        _zhao = await Registry.RegisterAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, People.Wang);
        _sun = await Registry.RegisterAsync(_project.Id, "孙悦", "13700001111", People.Li);
        _app.Clock.Advance(TimeSpan.FromDays(1));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheStaffListOffersActiveAgentsAndManagersButNotSomeoneWhoLeft()
    {
        await using var fresh = new ServiceHarness();
        await fresh.Database.AddStaffAsync([People.Wang, People.Li, People.Chen], left: People.Li);

        var agents = await fresh.Service<TransferService>().AgentsAsync();

        Assert.Equal(new[] { People.Wang.Name, People.Chen.Name }.Order(StringComparer.Ordinal), agents.Select(a => a.Name));
    }

    [Fact]
    public async Task SelectedCustomersGoToAnotherAgentWithOneLogLinePerCustomer()
    {
        var answer = await Transfers.TransferAsync(new TransferCustomers(_project.Id, [_zhang, _sun], Staff.Zhou.Id, " 王芳休产假 "), People.Chen);

        Assert.Equal((true, 2, L.T("transfer.done", 2, Staff.Zhou.Name)), (answer.Done, answer.Count, answer.Message));
        await using (var db = _app.Open())
        {
            Assert.Equal([Staff.Zhou.Id, People.Wang.Id, Staff.Zhou.Id], await db.Customers.OrderBy(c => c.Id).Select(c => c.OwnerId).ToListAsync());
        }
        var log = await _app.Database.TransfersAsync();
        Assert.Equal(
            [(_zhang, People.Wang.Name, Staff.Zhou.Name), (_sun, People.Li.Name, Staff.Zhou.Name)],
            log.Select(t => (t.CustomerId, t.FromOwnerName, t.ToOwnerName)));
        Assert.All(log, t => Assert.Equal((TransferKind.Agent, People.Chen.Name, "王芳休产假", _app.Now, _project.Id, _project.Id),
            (t.Kind, t.ByName, t.Reason, t.At, t.FromProjectId, t.ToProjectId)));
    }

    [Fact]
    public async Task AllOfAnAgentsCustomersMoveToAnotherWhenTheAgentLeaves()
    {
        var answer = await Transfers.TransferAsync(new TransferCustomers(_project.Id, [], Staff.Zhou.Id, "王芳离职", FromOwnerId: People.Wang.Id), People.Chen);

        Assert.Equal(2, answer.Count);
        await using var db = _app.Open();
        Assert.Equal([(_zhang, Staff.Zhou.Id), (_zhao, Staff.Zhou.Id), (_sun, People.Li.Id)],
            (await db.Customers.OrderBy(c => c.Id).ToListAsync()).Select(c => (c.Id, c.OwnerId)));
        Assert.Equal([new OwnerCount(People.Li.Id, People.Li.Name, 1), new OwnerCount(Staff.Zhou.Id, Staff.Zhou.Name, 2)],
            (await Transfers.OwnersAsync(_project.Id)).OrderBy(o => o.Id));
    }

    [Fact]
    public async Task CustomersAlreadyTheTargetsAreSkippedAndCounted()
    {
        var answer = await Transfers.TransferAsync(new TransferCustomers(_project.Id, [_zhang, _sun], People.Li.Id, "重新分配"), People.Chen);

        Assert.Equal((1, L.T("transfer.doneSkipped", 1, People.Li.Name, 1)), (answer.Count, answer.Message));
        Assert.Equal([_zhang], (await _app.Database.TransfersAsync()).Select(t => t.CustomerId));
    }

    [Theory]
    [InlineData("", "agent-zhou", "transfer.reason.required")]
    [InlineData("   ", "agent-zhou", "transfer.reason.required")]
    [InlineData("离职\u0007", "agent-zhou", "transfer.reason.invalid")]
    [InlineData("离职", "nobody", "transfer.agent.unknown")]
    [InlineData("离职", null, "transfer.agent.unknown")]
    public async Task ABadTransferIsExplainedAndChangesNothing(string reason, string? agentId, string key)
    {
        var before = await _app.Database.SnapshotAsync();

        var answer = await Transfers.TransferAsync(new TransferCustomers(_project.Id, [_zhang], agentId, reason), People.Chen);

        Assert.Equal((false, L.T(key)), (answer.Done, answer.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
    }

    [Fact]
    public async Task NoCustomersUnknownCustomersAnAgentAsTheManagerAndTheSameAgentAreRefused()
    {
        var before = await _app.Database.SnapshotAsync();

        var none = await Transfers.TransferAsync(new TransferCustomers(_project.Id, [], Staff.Zhou.Id, "离职"), People.Chen);
        var unknown = await Transfers.TransferAsync(new TransferCustomers(_project.Id, [_zhang, 999], Staff.Zhou.Id, "离职"), People.Chen);
        var byAgent = await Transfers.TransferAsync(new TransferCustomers(_project.Id, [_zhang], Staff.Zhou.Id, "离职"), People.Wang);
        var same = await Transfers.TransferAsync(new TransferCustomers(_project.Id, [], People.Wang.Id, "离职", FromOwnerId: People.Wang.Id), People.Chen);

        Assert.Equal(
            [L.T("transfer.none"), L.T("transfer.customers.unknown"), L.T("ownership.managersOnly"), L.T("transfer.sameAgent", People.Wang.Name)],
            new[] { none, unknown, byAgent, same }.Select(a => a.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
    }

    [Fact]
    public async Task ACustomerMovesToAnotherProjectWithTheirTimelineAndOwner()
    {
        var other = await _app.Database.AddProjectAsync("锦绣华庭");
        await _app.Service<LedgerService>().AddInteractionAsync(_zhang, new InteractionEntry(InteractionKind.Call, "问二期"), People.Wang);

        var answer = await Transfers.MoveAsync(new MoveCustomers(_project.Id, [_zhang], other, null, "想看二期"), People.Chen);

        Assert.Equal(L.T("transfer.moved", 1, "锦绣华庭"), answer.Message);
        var customer = await _app.Database.CustomerAsync(_zhang);
        Assert.Equal((other, People.Wang.Id), (customer.ProjectId, customer.OwnerId));
        var ledger = Assert.IsType<LedgerAnswer.Found>(await _app.Service<LedgerService>().LedgerAsync(_zhang, People.Wang));
        Assert.Equal("问二期", Assert.Single(ledger.Ledger.Timeline).Note);
        var line = Assert.Single(await Transfers.LogAsync(other, new TransferFilter()));
        Assert.Equal((TransferKind.Project, "滨江花园 Riverside Garden", "锦绣华庭", People.Wang.Name, People.Wang.Name, "想看二期"),
            (line.Kind, line.FromProject, line.ToProject, line.FromOwnerName, line.ToOwnerName, line.Reason));
        Assert.Single(await Transfers.LogAsync(_project.Id, new TransferFilter()));
    }

    [Fact]
    public async Task MovingToAProjectThatHasOneOfTheMobilesIsRefusedForTheWholeBatch()
    {
        var other = await _app.Database.AddProjectAsync("锦绣华庭");
        await Registry.RegisterAsync(other, "赵女士", Customers.ZhaoPhone, Staff.Zhou);
        var before = await _app.Database.SnapshotAsync();

        var answer = await Transfers.MoveAsync(new MoveCustomers(_project.Id, [_zhang, _zhao], other, Staff.Zhou.Id, "转项目"), People.Chen);

        Assert.Equal((false, L.T("transfer.project.taken", "锦绣华庭", Customers.ZhaoName)), (answer.Done, answer.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
    }

    [Fact]
    public async Task AMergedNumberCountsAsTheCustomersWhenMovingProjects()
    {
        var other = await _app.Database.AddProjectAsync("锦绣华庭");
        await Registry.RegisterAsync(other, "孙先生", "13600002222", Staff.Zhou);
        var second = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, "13600002222", People.Li);
        Assert.True((await _app.Service<DuplicateReviewService>().MergeAsync(new MergeCustomers(_zhang, second), People.Chen)).Done);

        var answer = await Transfers.MoveAsync(new MoveCustomers(_project.Id, [_zhang], other, null, "转项目"), People.Chen);

        Assert.Equal(L.T("transfer.project.taken", "锦绣华庭", Customers.ZhangName), answer.Message);
        Assert.Equal(_project.Id, (await _app.Database.CustomerAsync(_zhang)).ProjectId);
    }

    [Fact]
    public async Task ACustomerInALiveDealHereStaysInThisProject()
    {
        var other = await _app.Database.AddProjectAsync("锦绣华庭");
        await _app.Units.ExecuteAsync(_project.UnitId("1#-501"), UnitAction.Hold, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone), People.Wang);

        var answer = await Transfers.MoveAsync(new MoveCustomers(_project.Id, [_zhang], other, null, "转项目"), People.Chen);

        Assert.Equal(L.T("transfer.project.liveDeal", Customers.ZhangName), answer.Message);
    }

    [Fact]
    public async Task MovingToThisProjectOrAnUnknownOneIsRefused()
    {
        var here = await Transfers.MoveAsync(new MoveCustomers(_project.Id, [_zhang], _project.Id, null, "转项目"), People.Chen);
        var nowhere = await Transfers.MoveAsync(new MoveCustomers(_project.Id, [_zhang], 999, null, "转项目"), People.Chen);

        Assert.Equal([L.T("transfer.sameProject"), L.T("transfer.project.unknown")], new[] { here, nowhere }.Select(a => a.Message));
    }

    [Fact]
    public async Task TheLogFiltersByKindAgentProjectDaysAndText()
    {
        await Transfers.TransferAsync(new TransferCustomers(_project.Id, [_zhang], Staff.Zhou.Id, "王芳休假"), People.Chen);
        // 16:30 UTC on 23 Nov is already 00:30 on the 24th in Shanghai, the project's calendar.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero));
        await Transfers.TransferAsync(new TransferCustomers(_project.Id, [_sun], People.Wang.Id, "李强调岗"), People.Chen);

        async Task<IEnumerable<string>> Names(TransferFilter filter) => (await Transfers.LogAsync(_project.Id, filter)).Select(t => t.CustomerName);

        Assert.Equal(["孙悦", Customers.ZhangName], await Names(new TransferFilter()));
        Assert.Equal(["孙悦"], await Names(new TransferFilter(AgentId: People.Li.Id)));
        Assert.Equal([Customers.ZhangName], await Names(new TransferFilter(To: new DateOnly(2026, 11, 23))));
        Assert.Equal(["孙悦"], await Names(new TransferFilter(From: new DateOnly(2026, 11, 24))));
        Assert.Equal([Customers.ZhangName], await Names(new TransferFilter(Text: "休假")));
        Assert.Empty(await Names(new TransferFilter(Kind: TransferKind.Pool)));
    }
}
