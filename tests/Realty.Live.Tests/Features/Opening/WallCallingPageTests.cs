using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Realty.Live.Tests.Support;
using Realty.Live.Web.Domain;
using Realty.Live.Web.Features.Opening;
using Realty.Live.Web.Features.Wall;

namespace Realty.Live.Tests.Features.Opening;

/// <summary>The sales-floor wall's band of the numbers being called on opening day.</summary>
public sealed class WallCallingPageTests : BoardComponentTest
{
    private OpeningService Opening => Services.GetRequiredService<OpeningService>();

    [Fact]
    public async Task DuringTheOpeningTheWallShowsTheLatestBatchCalled()
    {
        await OpenWithNumbersAsync(OpeningMode.Live, 30);
        await Opening.CallNextAsync(Project.Id, 20, People.Chen);
        await Opening.CallNextAsync(Project.Id, 10, People.Chen);

        var wall = await RenderWallAsync();

        var band = wall.Find("[data-calling]");
        Assert.Equal(("21–30", "live"), (band.GetAttribute("data-calling"), band.GetAttribute("data-mode")));
        Assert.Contains("21–30", band.TextContent);
    }

    [Fact]
    public async Task OutsideTheOpeningTheWallHasNoBand()
    {
        var wall = await RenderWallAsync();

        Assert.Empty(wall.FindAll("[data-calling]"));
        Assert.DoesNotContain("with-calling", wall.Find("[data-wall='live']").ClassList);
    }

    [Fact]
    public async Task ACallShowsOnTheWallLive()
    {
        await OpenWithNumbersAsync(OpeningMode.Live, 12);
        var wall = await RenderWallAsync();
        Assert.Equal("", wall.Find("[data-calling]").GetAttribute("data-calling"));

        await Opening.CallNextAsync(Project.Id, 10, People.Chen);

        await wall.WaitForAssertionAsync(() => Assert.Equal("1–10", wall.Find("[data-calling]").GetAttribute("data-calling")));
        await Opening.CallNextAsync(Project.Id, 10, People.Chen);
        await wall.WaitForAssertionAsync(() => Assert.Equal("11–12", wall.Find("[data-calling]").GetAttribute("data-calling")));
    }

    [Fact]
    public async Task SwitchingTheOpeningOffHidesTheBandLive()
    {
        await OpenWithNumbersAsync(OpeningMode.Live, 3);
        await Opening.CallNextAsync(Project.Id, 3, People.Chen);
        var wall = await RenderWallAsync();
        Assert.Equal("1–3", wall.Find("[data-calling]").GetAttribute("data-calling"));

        await Opening.SetModeAsync(Project.Id, OpeningMode.Off, People.Chen);

        await wall.WaitForAssertionAsync(() => Assert.Empty(wall.FindAll("[data-calling]")));
        Assert.NotNull(wall.Find("[data-wall='live']"));
    }

    [Fact]
    public async Task ARehearsalSaysSoOnTheBand()
    {
        var wall = await RenderWallAsync();

        await OpenWithNumbersAsync(OpeningMode.Rehearsal, 1);
        await Opening.CallNextAsync(Project.Id, 5, People.Chen);

        await wall.WaitForAssertionAsync(() => Assert.Equal(("1", "rehearsal"), (wall.Find("[data-calling]").GetAttribute("data-calling"), wall.Find("[data-calling]").GetAttribute("data-mode"))));
    }

    [Fact]
    public async Task WallsOpenedLaterShareTheStateLoadedForTheFirst()
    {
        await OpenWithNumbersAsync(OpeningMode.Live, 5);
        await Opening.CallNextAsync(Project.Id, 5, People.Chen);
        var watch = Services.GetRequiredService<OpeningWatch>();

        var first = await watch.CurrentAsync(Project.Id);
        var second = await watch.CurrentAsync(Project.Id);

        Assert.Same(first, second);
        Assert.Equal([1, 2, 3, 4, 5], first!.LatestCall);
    }

    private async Task OpenWithNumbersAsync(OpeningMode mode, int tickets)
    {
        await Opening.SetModeAsync(Project.Id, mode, People.Chen);
        for (var i = 0; i < tickets; i++)
        {
            await Opening.IssueAsync(Project.Id, Customers.ZhaoName, Customers.ZhaoPhone, null, People.Wang);
        }
    }

    private async Task<IRenderedComponent<WallPage>> RenderWallAsync()
    {
        var link = await Services.GetRequiredService<Realty.Live.Web.Features.Displays.DisplayLinkService>().CreateAsync(Project.Id, "大厅电视", People.Chen);
        var wall = Render<WallPage>(p => p.Add(w => w.Token, link!.Token));
        await wall.WaitForElementAsync("[data-wall='live']");
        return wall;
    }
}
