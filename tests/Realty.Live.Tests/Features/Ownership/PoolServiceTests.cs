using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>
/// Claims from the pool. Wang's three customers went to the pool at 16:00 UTC on 24 Nov, midnight
/// starting the 25th in Shanghai; agents may claim two a day of the project's calendar.
/// </summary>
public sealed class PoolServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Pooled = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int[] _pooled = [];

    private PoolService Pool => _app.Service<PoolService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        await _app.Database.SetPoolAsync(_project.Id, idleDays: 3, claimsPerDay: 2);
        var registry = _app.Service<CustomerService>();
        _pooled =
        [
            await registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang),
            await registry.RegisterAsync(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, People.Wang),
            await registry.RegisterAsync(_project.Id, "孙悦", "13700001111", People.Wang),
        ];
        _app.Clock.SetUtcNow(Pooled);
        Assert.Equal(3, await _app.Service<PoolJob>().RunAsync());
        _app.Clock.Advance(TimeSpan.FromHours(2));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AgentsSeeThePoolWithNumbersMaskedAndTheirClaimsLeft()
    {
        var pool = await Pool.PoolAsync(_project.Id, People.Li);

        Assert.Equal(["138****8000", "139****5678", "137****1111"], pool.Customers.Select(c => c.Phone));
        Assert.All(pool.Customers, c => Assert.Equal((People.Wang.Name, Pooled.UtcDateTime), (c.LastOwnerName, c.PooledAt)));
        Assert.Equal((2, 0, 2, 3), (pool.ClaimsPerDay, pool.ClaimedToday, pool.ClaimsLeft, pool.IdleDays));
        Assert.Equal(Customers.ZhangPhone, (await Pool.PoolAsync(_project.Id, People.Chen)).Customers[0].Phone);
    }

    [Fact]
    public async Task AClaimMakesTheCustomerTheAgentsAndIsLogged()
    {
        var answer = await Pool.ClaimAsync(_pooled[0], People.Li);

        Assert.Equal((true, L.T("pool.claimedByYou", Customers.ZhangName, Customers.ZhangPhone)), (answer.Done, answer.Message));
        var customer = await _app.Database.CustomerAsync(_pooled[0]);
        Assert.Equal((People.Li.Id, People.Li.Name, null, _app.Now), (customer.OwnerId, customer.OwnerName, customer.PooledAt, customer.OwnedSince));
        var claim = (await _app.Database.TransfersAsync()).Last();
        Assert.Equal((TransferKind.Claim, "", People.Li.Id, People.Li.Name, _app.Now), (claim.Kind, claim.FromOwnerId, claim.ToOwnerId, claim.ByName, claim.At));
        Assert.Equal([_pooled[1], _pooled[2]], (await Pool.PoolAsync(_project.Id, People.Li)).Customers.Select(c => c.Id));
    }

    [Fact]
    public async Task ClaimsBeyondTheDailyLimitAreRefusedUntilTheProjectsNextDay()
    {
        await Pool.ClaimAsync(_pooled[0], People.Li);
        await Pool.ClaimAsync(_pooled[1], People.Li);
        var before = await _app.Database.SnapshotAsync();

        var third = await Pool.ClaimAsync(_pooled[2], People.Li);

        Assert.Equal((false, L.T("pool.limitReached", 2)), (third.Done, third.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
        Assert.Equal(0, (await Pool.PoolAsync(_project.Id, People.Li)).ClaimsLeft);
        // Another agent has their own limit.
        Assert.True((await Pool.ClaimAsync(_pooled[2], People.Chen)).Done);

        // 15:59 UTC is still the same day in Shanghai; 16:00 starts the next.
        _app.Clock.SetUtcNow(Pooled.AddDays(1).AddMinutes(-1));
        Assert.Equal(0, (await Pool.PoolAsync(_project.Id, People.Li)).ClaimsLeft);
        _app.Clock.SetUtcNow(Pooled.AddDays(1));
        Assert.Equal(2, (await Pool.PoolAsync(_project.Id, People.Li)).ClaimsLeft);
    }

    [Fact]
    public async Task ACustomerNotInThePoolCannotBeClaimed()
    {
        await Pool.ClaimAsync(_pooled[0], People.Li);

        var again = await Pool.ClaimAsync(_pooled[0], People.Chen);
        var unknown = await Pool.ClaimAsync(999, People.Chen);

        Assert.Equal([L.T("pool.claimed", Customers.ZhangName, People.Li.Name), L.T("ledger.notFound")], new[] { again, unknown }.Select(a => a.Message));
        Assert.Equal(People.Li.Id, (await _app.Database.CustomerAsync(_pooled[0])).OwnerId);
    }

    [Fact]
    public async Task ALimitOfZeroClosesClaiming()
    {
        Assert.True((await Pool.SaveSettingsAsync(_project.Id, 3, 0, People.Chen)).Done);

        var answer = await Pool.ClaimAsync(_pooled[0], People.Li);

        Assert.Equal(L.T("pool.claimsClosed"), answer.Message);
        Assert.True((await _app.Database.CustomerAsync(_pooled[0])).InPool);
    }

    [Fact]
    public async Task ManagersSaveTheSettingsAndBadValuesAreRefusedWithNothingChanged()
    {
        Assert.True((await Pool.SaveSettingsAsync(_project.Id, 7, null, People.Chen)).Done);
        Assert.Equal(new PoolSettingsView(7, null), await Pool.SettingsAsync(_project.Id));
        var before = await _app.Database.SnapshotAsync();

        var answers = new[]
        {
            await Pool.SaveSettingsAsync(_project.Id, -1, 2, People.Chen),
            await Pool.SaveSettingsAsync(_project.Id, PoolRule.MaxIdleDays + 1, 2, People.Chen),
            await Pool.SaveSettingsAsync(_project.Id, 7, PoolRule.MaxClaimsPerDay + 1, People.Chen),
            await Pool.SaveSettingsAsync(_project.Id, 7, -1, People.Chen),
            await Pool.SaveSettingsAsync(_project.Id, 7, 2, People.Wang),
            await Pool.SaveSettingsAsync(999, 7, 2, People.Chen),
        };

        Assert.Equal(
            [
                L.T("pool.idleDays.range", PoolRule.MaxIdleDays), L.T("pool.idleDays.range", PoolRule.MaxIdleDays),
                L.T("pool.claimsPerDay.range", PoolRule.MaxClaimsPerDay), L.T("pool.claimsPerDay.range", PoolRule.MaxClaimsPerDay),
                L.T("ownership.managersOnly"), L.T("project.notFound"),
            ],
            answers.Select(a => a.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
    }
}
