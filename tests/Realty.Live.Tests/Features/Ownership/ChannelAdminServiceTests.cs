using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Customers;
using Realty.Live.Web.Features.Ownership;
using Realty.Live.Web.Localization;

namespace Realty.Live.Tests.Features.Ownership;

/// <summary>The project starts on the default channels; 张伟 came through 户外广告 (billboards).</summary>
public sealed class ChannelAdminServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;
    private int _zhang;

    private ChannelAdminService Channels => _app.Service<ChannelAdminService>();

    private CustomerService Registry => _app.Service<CustomerService>();

    public async Task InitializeAsync()
    {
        _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());
        _zhang = await Registry.RegisterAsync(_project.Id, Customers.ZhangName, Customers.ZhangPhone, People.Wang);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheListShowsTheDefaultsWithHowManyCustomersCameThroughEach()
    {
        var list = await Channels.ListAsync(_project.Id);

        Assert.Equal(ProjectChannel.Defaults, list.Select(c => c.Name));
        Assert.Equal([1, 0, 0, 0, 0, 0], list.Select(c => c.Customers));
    }

    [Fact]
    public async Task AnAddedChannelIsOfferedLastInTheRegisterForm()
    {
        var answer = await Channels.AddAsync(_project.Id, " 抖音 ", People.Chen);

        Assert.Equal(L.T("channel.added", "抖音"), answer.Message);
        Assert.Equal([.. ProjectChannel.Defaults, "抖音"], await Registry.ChannelsAsync(_project.Id));
    }

    [Fact]
    public async Task MovingAChannelUpChangesTheRegisterFormsOrder()
    {
        Assert.True((await Channels.MoveAsync(_project.Id, "朋友介绍", -1, People.Chen)).Done);
        Assert.True((await Channels.MoveAsync(_project.Id, "户外广告", 1, People.Chen)).Done);

        Assert.Equal(["朋友介绍", "户外广告", "网络推广", "老带新", "路过", "电话营销"], await Registry.ChannelsAsync(_project.Id));
    }

    [Fact]
    public async Task ARenameIsFollowedByTheCustomersWhoCameThroughTheChannel()
    {
        var answer = await Channels.RenameAsync(_project.Id, "户外广告", "户外广告牌", People.Chen);

        Assert.Equal(L.T("channel.renamed", "户外广告", "户外广告牌"), answer.Message);
        Assert.Equal("户外广告牌", (await _app.Database.CustomerAsync(_zhang)).Channel);
        Assert.Equal("户外广告牌", (await Registry.ChannelsAsync(_project.Id))[0]);
    }

    [Fact]
    public async Task AChannelInUseIsRetiredAndItsCustomersKeepIt()
    {
        var answer = await Channels.RemoveAsync(_project.Id, "户外广告", People.Chen);

        Assert.Equal(L.T("channel.retired", "户外广告"), answer.Message);
        Assert.DoesNotContain("户外广告", await Registry.ChannelsAsync(_project.Id));
        Assert.Equal("户外广告", (await _app.Database.CustomerAsync(_zhang)).Channel);
        var retired = (await Channels.ListAsync(_project.Id)).Last();
        Assert.Equal(("户外广告", true, 1), (retired.Name, retired.Retired, retired.Customers));
        var refused = await Registry.RegisterAsync(new RegisterCustomer(_project.Id, Customers.ZhaoName, Customers.ZhaoPhone, "户外广告", FirstContact.WalkIn), People.Li);
        Assert.Equal(L.T("customer.channel.unknown", "户外广告"), Assert.IsType<RegisterResult.Rejected>(refused).Message);

        Assert.Equal(L.T("channel.restored", "户外广告"), (await Channels.AddAsync(_project.Id, "户外广告", People.Chen)).Message);
        Assert.Equal("户外广告", (await Registry.ChannelsAsync(_project.Id))[^1]);
    }

    [Fact]
    public async Task AChannelNobodyCameThroughIsRemoved()
    {
        Assert.Equal(L.T("channel.removed", "路过"), (await Channels.RemoveAsync(_project.Id, "路过", People.Chen)).Message);

        Assert.DoesNotContain("路过", (await Channels.ListAsync(_project.Id)).Select(c => c.Name));
    }

    [Fact]
    public async Task BadEditsAreExplainedAndChangeNothing()
    {
        var before = await _app.Database.SnapshotAsync();

        var answers = new[]
        {
            await Channels.AddAsync(_project.Id, "  ", People.Chen),
            await Channels.AddAsync(_project.Id, new string('渠', Customer.MaxChannelLength + 1), People.Chen),
            await Channels.AddAsync(_project.Id, "<b>抖音</b>", People.Chen),
            await Channels.AddAsync(_project.Id, "路过", People.Chen),
            await Channels.RenameAsync(_project.Id, "路过", "老带新", People.Chen),
            await Channels.RenameAsync(_project.Id, "没有这个", "抖音", People.Chen),
            await Channels.MoveAsync(_project.Id, "户外广告", -1, People.Chen),
            await Channels.AddAsync(_project.Id, "抖音", People.Wang),
        };

        Assert.Equal(
            [
                L.T("channel.name.required"), L.T("channel.name.tooLong", Customer.MaxChannelLength), L.T("channel.name.invalid"),
                L.T("channel.exists", "路过"), L.T("channel.exists", "老带新"), L.T("channel.notFound"), L.T("channel.cannotMove"),
                L.T("ownership.managersOnly"),
            ],
            answers.Select(a => a.Message));
        Assert.Equal(before, await _app.Database.SnapshotAsync());
    }

    [Fact]
    public async Task TheLastChannelStays()
    {
        foreach (var name in ProjectChannel.Defaults.Skip(1))
        {
            Assert.True((await Channels.RemoveAsync(_project.Id, name, People.Chen)).Done);
        }

        var last = await Channels.RemoveAsync(_project.Id, "户外广告", People.Chen);

        Assert.Equal(L.T("channel.lastOne"), last.Message);
        Assert.Equal(["户外广告"], await Registry.ChannelsAsync(_project.Id));
    }
}
