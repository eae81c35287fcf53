using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Realtime;

namespace Realty.Live.Tests.Features.Displays;

public sealed class DisplayLinkServiceTests : IAsyncLifetime
{
    private readonly ServiceHarness _app = new();
    private SeededProject _project = default!;

    public async Task InitializeAsync() => _project = await _app.SeedAsync(ProjectBuilder.ATenFloorTower());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreateGivesASecretTokenAndTheWallPath()
    {
        var link = (await _app.DisplayLinks.CreateAsync(_project.Id, "  大厅电视 ", People.Chen))!;

        Assert.Equal(("大厅电视", People.Chen.Name, _app.Now, null), (link.Name, link.CreatedBy, link.CreatedAt, link.RevokedAt));
        Assert.Matches("^[0-9a-f]{32}$", link.Token);
        Assert.Equal($"/wall/{link.Token}", link.Path);
        Assert.Equal(_project.Id, await _app.DisplayLinks.ResolveAsync(link.Token));
    }

    [Fact]
    public async Task EveryLinkHasItsOwnToken()
    {
        var first = await _app.DisplayLinks.CreateAsync(_project.Id, "大厅", People.Chen);
        var second = await _app.DisplayLinks.CreateAsync(_project.Id, "大厅", People.Chen);

        Assert.NotEqual(first!.Token, second!.Token);
    }

    [Fact]
    public async Task CreateForAnUnknownProjectGivesNothing()
    {
        Assert.Null(await _app.DisplayLinks.CreateAsync(987_654, "大厅电视", People.Chen));
    }

    public static TheoryData<string, string> BadNames() => new()
    {
        { "   ", "display.name.required" },
        { new string('屏', DisplayLink.MaxNameLength + 1), "display.name.tooLong" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task CreateWithABadNameIsRefused(string name, string key)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _app.DisplayLinks.CreateAsync(_project.Id, name, People.Chen));

        Assert.Equal(key, error.Key);
        Assert.Empty(await _app.DisplayLinks.ListAsync(_project.Id));
    }

    [Fact]
    public async Task ListShowsActiveLinksNewestFirstThenRevokedOnes()
    {
        var lobby = await _app.DisplayLinks.CreateAsync(_project.Id, "大厅", People.Chen);
        var vip = await _app.DisplayLinks.CreateAsync(_project.Id, "贵宾室", People.Chen);
        var sandTable = await _app.DisplayLinks.CreateAsync(_project.Id, "沙盘区", People.Chen);
        await _app.DisplayLinks.RevokeAsync(_project.Id, sandTable!.Id);

        var links = await _app.DisplayLinks.ListAsync(_project.Id);

        Assert.Equal([vip!.Id, lobby!.Id, sandTable.Id], links.Select(l => l.Id));
        Assert.Equal(_app.Now, links[2].RevokedAt);
    }

    [Fact]
    public async Task ARevokedTokenNoLongerResolvesAndWallsAreTold()
    {
        var link = (await _app.DisplayLinks.CreateAsync(_project.Id, "大厅电视", People.Chen))!;

        Assert.True(await _app.DisplayLinks.RevokeAsync(_project.Id, link.Id));

        Assert.Null(await _app.DisplayLinks.ResolveAsync(link.Token));
        Assert.Equal(new DisplayRevoked(_project.Id, link.Token), Assert.Single(_app.Published.Messages));
    }

    [Fact]
    public async Task RevokeThroughAnotherProjectFindsNothingAndTellsNobody()
    {
        var link = (await _app.DisplayLinks.CreateAsync(_project.Id, "大厅电视", People.Chen))!;

        Assert.False(await _app.DisplayLinks.RevokeAsync(_project.Id + 1, link.Id));

        Assert.Equal(_project.Id, await _app.DisplayLinks.ResolveAsync(link.Token));
        Assert.Empty(_app.Published.Messages);
    }

    [Fact]
    public async Task AnUnknownTokenResolvesToNothing()
    {
        Assert.Null(await _app.DisplayLinks.ResolveAsync("0123456789abcdef0123456789abcdef"));
    }
}
