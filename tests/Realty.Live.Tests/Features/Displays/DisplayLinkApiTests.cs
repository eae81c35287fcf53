using System.Net;
using System.Net.Http.Json;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Features.Displays;
using static Realty.Live.Tests.Support.RealtyAppFactory;

namespace Realty.Live.Tests.Features.Displays;

public sealed class DisplayLinkApiTests(RealtyAppFactory app) : IClassFixture<RealtyAppFactory>
{
    private string Links => $"/api/projects/{app.ProjectId}/display-links";

    [Fact]
    public async Task AManagerCreatesALinkAndGetsTheWallUrl()
    {
        using var client = await app.ClientAsync(Manager);

        var response = await client.PostAsJsonAsync(Links, new { name = "大厅电视" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CreatedDisplayLink>())!;
        Assert.Equal("大厅电视", created.Name);
        Assert.Matches("^http://localhost/wall/[0-9a-f]{32}$", created.Url);
        Assert.Equal(created.Url, response.Headers.Location!.ToString());
        var listed = Assert.Single((await client.GetFromJsonAsync<List<DisplayLinkInfo>>(Links))!, l => l.Id == created.Id);
        Assert.Equal(("陈静", null), (listed.CreatedBy, listed.RevokedAt));
        Assert.EndsWith(listed.Path, created.Url);
    }

    [Fact]
    public async Task ALinkWithoutANameGetsTheDefaultName()
    {
        using var client = await app.ClientAsync(Manager, "en");

        var response = await client.PostAsJsonAsync(Links, new { });

        Assert.Equal("Sales floor TV", (await response.Content.ReadFromJsonAsync<CreatedDisplayLink>())!.Name);
    }

    [Fact]
    public async Task DeletingALinkRevokesIt()
    {
        using var client = await app.ClientAsync(Manager);
        var created = (await (await client.PostAsJsonAsync(Links, new { name = "贵宾室" })).Content.ReadFromJsonAsync<CreatedDisplayLink>())!;

        var response = await client.DeleteAsync($"{Links}/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var listed = Assert.Single((await client.GetFromJsonAsync<List<DisplayLinkInfo>>(Links))!, l => l.Id == created.Id);
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task DeletingAnUnknownLinkIsNotFound()
    {
        using var client = await app.ClientAsync(Manager, "en");

        var response = await client.DeleteAsync($"{Links}/987654");

        Assert.Equal("This display link does not exist.", await response.DetailAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task ALinkForAnUnknownProjectIsNotFound()
    {
        using var client = await app.ClientAsync(Manager);

        var response = await client.PostAsJsonAsync("/api/projects/987654/display-links", new { name = "大厅" });

        await response.DetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATooLongNameIsABadRequest()
    {
        using var client = await app.ClientAsync(Manager, "en");

        var response = await client.PostAsJsonAsync(Links, new { name = new string('屏', 41) });

        Assert.Equal("The name can have at most 40 characters.", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData(Wang)]
    [InlineData(Finance)]
    public async Task OnlyManagersManageLinks(string email)
    {
        using var client = await app.ClientAsync(email);

        var list = await client.GetAsync(Links);
        var create = await client.PostAsJsonAsync(Links, new { name = "大厅" });

        await list.ProblemAsync(HttpStatusCode.Forbidden);
        await create.ProblemAsync(HttpStatusCode.Forbidden);
        using var manager = await app.ClientAsync(Manager);
        Assert.DoesNotContain((await manager.GetFromJsonAsync<List<DisplayLinkInfo>>(Links))!, l => l.Name == "大厅");
    }

    [Fact]
    public async Task LinksNeedASignIn()
    {
        using var client = await app.ClientAsync(email: null);

        await (await client.GetAsync(Links)).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
