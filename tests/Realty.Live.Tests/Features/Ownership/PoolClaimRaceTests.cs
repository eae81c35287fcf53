using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>Two agents tapping "claim" on the same pool customer at the same moment: one owner, one clear refusal.</summary>
public sealed class PoolClaimRaceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int _zhang;

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        await _app.Database.SetPoolAsync(_project.Id, idleDays: 1);
        _zhang = await _app.Service<CustomerService>().RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Chen);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await _app.Service<PoolJob>().RunAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TwoAgentsClaimingTheSameCustomerAtOnceEndWithOneOwnerAndOneRefusal()
    {
        var gate = new SaveGate(2);
        var racing = new PoolService(_app.Database.Factory(gate), _app.Clock);
        Actor[] agents = [People.Wang, People.Li];

        var answers = await Task.WhenAll(agents.Select(agent => Task.Run(() => racing.ClaimAsync(_zhang, agent))));

        // Both claims read the customer in the pool and met at the gate before either wrote.
        Assert.Equal(2, gate.Arrived);
        var winner = agents[Array.FindIndex(answers, a => a.Done)];
        var loser = Assert.Single(answers, a => !a.Done);
        Assert.Equal(L.T("pool.claimed", Customers.ZhangName, winner.Name), loser.Message);
        await using var db = _app.Open();
        Assert.Equal(winner.Id, (await db.Customers.SingleAsync()).OwnerId);
        var claim = await db.CustomerTransfers.SingleAsync(t => t.Kind == TransferKind.Claim);
        Assert.Equal(winner.Id, claim.ToOwnerId);
    }
}
