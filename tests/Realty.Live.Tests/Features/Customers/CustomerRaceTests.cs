using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

/// <summary>Two agents registering one buyer at the same moment: one owner, one logged duplicate.</summary>
public sealed class CustomerRaceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TwoAgentsRegisteringTheSameMobileAtOnceEndWithOneOwnerAndOneLoggedDuplicate()
    {
        var gate = new SaveGate(2);
        var racing = new CustomerService(_app.Database.Factory(gate), _app.Clock);
        Actor[] agents = [People.Wang, People.Li];

        var results = await Task.WhenAll(agents.Select(agent => Task.Run(() =>
            racing.RegisterAsync(new RegisterCustomer(_project.Id, Customers.ZhangName, "+86 138 0013 8000", "户外广告", FirstContact.WalkIn), agent))));

        // Both registrations met at the gate, and the loser's logged attempt came through it afterwards.
        Assert.Equal(3, gate.Arrived);
        var winner = Assert.Single(results.OfType<RegisterResult.Registered>()).Customer;
        var loser = Assert.Single(results.OfType<RegisterResult.Duplicate>());
        Assert.Equal(winner.Id, loser.Existing.Id);
        Assert.Contains(winner.OwnerName, loser.Message);
        await using var db = _app.Open();
        var customer = await db.Customers.SingleAsync();
        Assert.Equal(winner.OwnerId, customer.OwnerId);
        var attempt = await db.DuplicateAttempts.SingleAsync();
        Assert.Equal(customer.Id, attempt.CustomerId);
        Assert.NotEqual(customer.OwnerId, attempt.AttemptedById);
        Assert.Contains(attempt.AttemptedById, agents.Select(a => a.Id));
    }
}
