using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Board;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>
/// The hourly pool job. The clock starts at 02:00 UTC on 22 Nov 2026, 10:00 in Shanghai, the project's
/// time zone, when Wang registers 张伟; the project pools customers after 3 days without follow-up,
/// so 张伟 goes at midnight starting the 25th in Shanghai: 16:00 UTC on the 24th.
/// </summary>
public sealed class PoolJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ShanghaiMidnightOf25th = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int _zhang;

    private PoolJob Job => _app.Service<PoolJob>();

    private CustomerService Registry => _app.Service<CustomerService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        await _app.Database.SetPoolAsync(_project.Id, idleDays: 3);
        _zhang = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ACustomerWithoutFollowUpGoesToThePoolAtMidnightInTheProjectsTimeZone()
    {
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th.AddSeconds(-1));
        Assert.Equal(0, await Job.RunAsync());
        Assert.Equal(People.Wang.Id, (await _app.Database.CustomerAsync(_zhang)).OwnerId);

        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th);
        Assert.Equal(1, await Job.RunAsync());

        var customer = await _app.Database.CustomerAsync(_zhang);
        Assert.Equal(("", "", ShanghaiMidnightOf25th.UtcDateTime), (customer.OwnerId, customer.OwnerName, customer.PooledAt));
        var line = Assert.Single(await _app.Database.TransfersAsync());
        Assert.Equal((TransferKind.Pool, People.Wang.Id, People.Wang.Name, "", Actor.System.Name, ShanghaiMidnightOf25th.UtcDateTime, null),
            (line.Kind, line.FromOwnerId, line.FromOwnerName, line.ToOwnerId, line.ByName, line.At, line.Reason));
        var logged = Assert.Single(await _app.Service<TransferService>().LogAsync(_project.Id, new TransferFilter(Kind: TransferKind.Pool)));
        Assert.Equal((L.T("transfers.system"), People.Wang.Name, ""), (logged.ByName, logged.FromOwnerName, logged.ToOwnerName));
        // The agent no longer lists the customer as theirs.
        Assert.Empty(await Registry.ListAsync(_project.Id, new CustomerFilter(), People.Wang));
    }

    [Fact]
    public async Task RunningAgainPoolsNobodyTwice()
    {
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th);

        await Job.RunAsync();
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var again = await Job.RunAsync();

        Assert.Equal(0, again);
        Assert.Single(await _app.Database.TransfersAsync());
    }

    [Fact]
    public async Task TheLastFollowUpStartsTheCountAgain()
    {
        // A call on the 23rd, 23:00 in Shanghai: the customer stays until midnight starting the 26th.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        await _app.Service<LedgerService>().AddInteractionAsync(_zhang, new InteractionEntry(InteractionKind.Call, "再约看房"), People.Wang);

        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th.AddDays(1).AddSeconds(-1));
        Assert.Equal(0, await Job.RunAsync());
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th.AddDays(1));
        Assert.Equal(1, await Job.RunAsync());
    }

    [Fact]
    public async Task ACustomerInALiveDealNeverGoesToThePool()
    {
        var held = await _app.Units.ExecuteAsync(_project.UnitId("1#-501"), UnitAction.Hold,
            new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone), People.Wang);
        Assert.IsType<CommandResult.Done>(held);
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th);

        Assert.Equal(0, await Job.RunAsync());
        Assert.Equal(People.Wang.Id, (await _app.Database.CustomerAsync(_zhang)).OwnerId);
    }

    [Fact]
    public async Task ADealThatWasReleasedKeepsNobodyOutOfThePool()
    {
        var unit = _project.UnitId("1#-501");
        await _app.Units.ExecuteAsync(unit, UnitAction.Hold, new UnitCommand(1, Customers.ZhangName, Customers.ZhangPhone), People.Wang);
        Assert.IsType<CommandResult.Done>(await _app.Units.ExecuteAsync(unit, UnitAction.Release, new UnitCommand(2), People.Wang));
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th);

        Assert.Equal(1, await Job.RunAsync());
    }

    [Fact]
    public async Task AProjectWithThePoolOffKeepsEveryCustomerWithTheirOwner()
    {
        var other = await _app.Database.AddProjectAsync("锦绣华庭");
        var zhao = await Registry.RegisterAsync(other, Customers.ZhaoName, Customers.ZhaoPhone, People.Li);
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th.AddDays(100));

        await Job.RunAsync();

        Assert.Equal(People.Li.Id, (await _app.Database.CustomerAsync(zhao)).OwnerId);
    }

    [Fact]
    public async Task AClaimedCustomerHasTheFullPeriodAgainFromTheClaim()
    {
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th);
        await Job.RunAsync();
        Assert.True((await _app.Service<PoolService>().ClaimAsync(_zhang, People.Li)).Done);

        _app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Job.RunAsync());
        Assert.Equal(People.Li.Id, (await _app.Database.CustomerAsync(_zhang)).OwnerId);

        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th.AddDays(3));
        Assert.Equal(1, await Job.RunAsync());
    }

    [Fact]
    public async Task ACustomerRegisteredLaterWaitsTheirOwnDays()
    {
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th.AddHours(-1));
        var zhao = await Registry.RegisterAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, People.Li);
        _app.Clock.SetUtcNow(ShanghaiMidnightOf25th);

        await Job.RunAsync();

        await using var db = _app.Open();
        Assert.Equal([(_zhang, true), (zhao, false)], (await db.Customers.OrderBy(c => c.Id).ToListAsync()).Select(c => (c.Id, c.InPool)));
    }
}
