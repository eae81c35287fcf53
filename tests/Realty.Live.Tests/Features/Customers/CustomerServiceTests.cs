using Microsoft.EntityFrameworkCore;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Localization;

// Not "Features.Customers": that namespace would hide the Customers test data from every other test.
namespace Realty.Live.Tests.Features.CustomerRegistration;

public sealed class CustomerServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    private CustomerService Registry => _app.Service<CustomerService>();

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AWalkInIsRegisteredAsThePotentialCustomerOfTheAgent()
    {
        var result = await Registry.RegisterAsync(Zhang("+86 138-0013-8000"), People.Wang);

        var customer = Assert.IsType<RegisterResult.Registered>(result).Customer;
        Assert.Equal((Customers.ZhangName, Customers.ZhangPhone, People.Wang.Name, FunnelStage.Potential, Moments.Start),
            (customer.Name, customer.Phone, customer.OwnerName, customer.Stage, customer.RegisteredAt));
        await using var db = _app.Open();
        Assert.Equal(Customers.ZhangPhone, (await db.Customers.SingleAsync()).Mobile);
    }

    [Fact]
    public async Task AMobileAlreadyRegisteredIsRefusedWithItsOwnerNamedAndTheAttemptLogged()
    {
        await Registry.RegisterAsync(Zhang(), People.Wang);
        _app.Clock.Advance(TimeSpan.FromDays(2));

        var result = await Registry.RegisterAsync(Zhang("0086 138 0013 8000", name: "张先生"), People.Li);

        var duplicate = Assert.IsType<RegisterResult.Duplicate>(result);
        using (CultureScope.Of("zh-CN"))
        {
            Assert.Equal("该手机号已由 王芳 于 11-22 登记，本次登记已记录。", L.T("customer.duplicate", duplicate.Existing.OwnerName, L.Time(duplicate.Existing.RegisteredAt, "MM-dd")));
        }
        Assert.Contains(People.Wang.Name, duplicate.Message);
        Assert.Equal("138****8000", duplicate.Existing.Phone);
        await using var db = _app.Open();
        var customer = await db.Customers.SingleAsync();
        Assert.Equal((People.Wang.Id, Customers.ZhangName), (customer.OwnerId, customer.Name));
        var attempt = await db.DuplicateAttempts.SingleAsync();
        Assert.Equal((customer.Id, People.Li.Id, People.Li.Name, "张先生", Moments.Start.AddDays(2)),
            (attempt.CustomerId, attempt.AttemptedById, attempt.AttemptedByName, attempt.TypedName, attempt.AttemptedAt));
    }

    [Fact]
    public async Task TheOwnerRegisteringTheirOwnCustomerAgainIsToldSoAndNothingIsLogged()
    {
        await Registry.RegisterAsync(Zhang(), People.Wang);

        var result = await Registry.RegisterAsync(Zhang(), People.Wang);

        Assert.Equal(Customers.ZhangPhone, Assert.IsType<RegisterResult.Duplicate>(result).Existing.Phone);
        await using var db = _app.Open();
        Assert.Equal(1, await db.Customers.CountAsync());
        Assert.Equal(0, await db.DuplicateAttempts.CountAsync());
    }

    [Fact]
    public async Task TheSameNameWithAnotherNumberIsAPossibleDuplicateRegisteredOnlyOnConfirmation()
    {
        await Registry.RegisterAsync(Zhang(), People.Wang);

        var first = await Registry.RegisterAsync(Zhang(Customers.ZhaoPhone), People.Li);

        var possible = Assert.IsType<RegisterResult.PossibleDuplicate>(first);
        var match = Assert.Single(possible.Matches);
        Assert.Equal((People.Wang.Name, "138****8000"), (match.OwnerName, match.Phone));
        Assert.Contains(People.Wang.Name, possible.Message);
        await using (var db = _app.Open())
        {
            Assert.Equal(1, await db.Customers.CountAsync());
            Assert.Equal(0, await db.DuplicateAttempts.CountAsync());
        }

        var confirmed = await Registry.RegisterAsync(Zhang(Customers.ZhaoPhone) with { Confirm = true }, People.Li);

        var registered = Assert.IsType<RegisterResult.Registered>(confirmed).Customer;
        Assert.Equal((Customers.ZhaoPhone, People.Li.Id), (registered.Phone, registered.OwnerId));
        await using var after = _app.Open();
        Assert.Equal(2, await after.Customers.CountAsync(c => c.Name == Customers.ZhangName));
    }

    [Theory]
    [InlineData("", "13800138000", "户外广告", "customer.name.required", "")]
    [InlineData("张伟", "1380013800", "户外广告", "customer.phone.invalid", "1380013800")]
    [InlineData("张伟", "13800138000", "", "customer.channel.required", "")]
    [InlineData("张伟", "13800138000", "电视广告", "customer.channel.unknown", "电视广告")]
    public async Task BadInputIsRefusedWithAMessageAndChangesNothing(string name, string mobile, string channel, string key, string quoted)
    {
        var result = await Registry.RegisterAsync(new RegisterCustomer(_project.Id, name, mobile, channel, FirstContact.WalkIn), People.Wang);

        var rejected = Assert.IsType<RegisterResult.Rejected>(result);
        Assert.Equal(L.T(key, quoted), rejected.Message);
        await using var db = _app.Open();
        Assert.Equal((0, 0), (await db.Customers.CountAsync(), await db.DuplicateAttempts.CountAsync()));
    }

    [Fact]
    public async Task AProjectThatDoesNotExistIsRefused()
    {
        var result = await Registry.RegisterAsync(Zhang() with { ProjectId = _project.Id + 99 }, People.Wang);

        Assert.Equal(L.T("project.notFound"), Assert.IsType<RegisterResult.Rejected>(result).Message);
    }

    [Fact]
    public async Task AProjectsOwnChannelsReplaceTheDefaults()
    {
        await using (var db = _app.Open())
        {
            db.ProjectChannels.AddRange(new ProjectChannel { ProjectId = _project.Id, Name = "抖音", Order = 2 }, new ProjectChannel { ProjectId = _project.Id, Name = "展会", Order = 1 });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["展会", "抖音"], await Registry.ChannelsAsync(_project.Id));
        Assert.IsType<RegisterResult.Rejected>(await Registry.RegisterAsync(Zhang(), People.Wang));
        Assert.IsType<RegisterResult.Registered>(await Registry.RegisterAsync(Zhang() with { Channel = "抖音" }, People.Wang));
    }

    [Fact]
    public async Task TheOwnerAndManagersSeeTheFullNumberAndOtherAgentsAMaskedOne()
    {
        var id = Assert.IsType<RegisterResult.Registered>(await Registry.RegisterAsync(Zhang(), People.Wang)).Customer.Id;

        var seen = await Task.WhenAll(new[] { People.Wang, People.Li, People.Chen }.Select(p => Registry.GetAsync(id, p)));

        Assert.Equal(["13800138000", "138****8000", "13800138000"], seen.Select(c => c!.Phone));
        Assert.Equal([true, false, false], seen.Select(c => c!.Mine));
    }

    [Fact]
    public async Task AgentsListTheirOwnCustomersAndManagersEveryone()
    {
        await Registry.RegisterAsync(Zhang(), People.Wang);
        await Registry.RegisterAsync(new RegisterCustomer(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, "老带新", FirstContact.Call), People.Li);

        Assert.Equal([Customers.ZhangName], (await Registry.ListAsync(_project.Id, new(), People.Wang)).Select(c => c.Name));
        Assert.Equal([Customers.ZhaoName], (await Registry.ListAsync(_project.Id, new(), People.Li)).Select(c => c.Name));
        var all = await Registry.ListAsync(_project.Id, new(), People.Chen);
        Assert.Equal([Customers.ZhaoName, Customers.ZhangName], all.Select(c => c.Name));
        Assert.All(all, c => Assert.DoesNotContain("*", c.Phone));
    }

    [Fact]
    public async Task TheListIsSearchedByNamePhoneStageAndChannel()
    {
        await Registry.RegisterAsync(Zhang(), People.Wang);
        await Registry.RegisterAsync(new RegisterCustomer(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, "老带新", FirstContact.Call), People.Wang);

        async Task<IEnumerable<string>> Find(CustomerFilter filter) => (await Registry.ListAsync(_project.Id, filter, People.Wang)).Select(c => c.Name);

        Assert.Equal([Customers.ZhaoName], await Find(new("赵")));
        Assert.Equal([Customers.ZhangName], await Find(new("138-0013")));
        Assert.Equal([Customers.ZhaoName], await Find(new("+86 139 1234")));
        Assert.Equal([Customers.ZhaoName], await Find(new(Channel: "老带新")));
        Assert.Equal(2, (await Find(new(Stage: FunnelStage.Potential))).Count());
        Assert.Empty(await Find(new(Stage: FunnelStage.Signed)));
    }

    private RegisterCustomer Zhang(string mobile = Customers.ZhangPhone, string name = Customers.ZhangName) =>
        new(_project.Id, name, mobile, "户外广告", FirstContact.WalkIn);
}
