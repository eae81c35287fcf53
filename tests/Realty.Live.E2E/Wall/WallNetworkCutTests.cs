using System.Diagnostics;
using Realty.Live.Web.Domain;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Realty.Live.E2E.BoardSteps;

namespace Realty.Live.E2E.Wall;

/// <summary>
/// Its own app and collection: the test waits four minutes, and the other collections run
/// meanwhile instead of after it.
/// </summary>
[CollectionDefinition(Name)]
[LongRunning]
public sealed class WallNetworkCutCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "wall network cut";
}

[Collection(WallNetworkCutCollection.Name)]
public sealed class WallNetworkCutTests(LiveApp app, ITestOutputHelper output)
{
    /// <summary>Longer than the three minutes ASP.NET Core keeps a disconnected circuit, so the server really forgets the TV.</summary>
    private static readonly TimeSpan NetworkCut = TimeSpan.FromMinutes(4);

    [Fact(Timeout = 330_000)]
    public Task TheWallRecoversByItselfFromAFourMinuteNetworkCutAndShowsWhatChangedDuringIt() => Scenario.RunAsync(app, async s =>
    {
        var wallPath = await app.Services.CreateDisplayLinkAsync("大屏 断网");
        var units = await app.Services.AvailableOnTheWallAsync(4);
        var (releasedDuringCut, signedDuringCut, heldDuringCut, heldAfter) = (units[0], units[1], units[2], units[3]);
        var zhao = await app.Services.ActorAsync(ZhaoMin);
        await app.Services.ActAsync(releasedDuringCut, UnitAction.Hold, zhao, "周杰", "13700137003");

        // The TV reaches the app only through the cable the test can pull.
        await using var network = new LoopbackProxy(app.BaseAddress);
        var circuitsBefore = app.Circuits.Open;
        var wall = await s.OpenAsync(WallSteps.Width, WallSteps.Height, losesNetwork: true);
        var documents = await wall.OpenWallAsync(new Uri(network.Address, wallPath + WallSteps.KeepFirstBuilding));
        var circuit = Assert.Single(app.Circuits.Open.Except(circuitsBefore));
        await Expect(wall.Cell(releasedDuringCut)).ToHaveAttributeAsync("data-status", "held");

        var cut = Stopwatch.StartNew();
        Assert.True(network.Cut() > 0, "The wall had no open connection to cut.");
        await Expect(wall.OfflineBanner()).ToBeVisibleAsync();
        await app.Services.ActAsync(releasedDuringCut, UnitAction.Release, zhao);
        await app.Services.ActAsync(signedDuringCut, UnitAction.Sign, zhao, "吴磊", "13600136004");
        await app.Services.ActAsync(heldDuringCut, UnitAction.Hold, zhao, "郑爽", "13500135005");

        // The server gives up on the TV's circuit after its retention period, while the cable is still out.
        await app.Circuits.ClosedAsync(circuit).WaitAsync(NetworkCut - cut.Elapsed);
        output.WriteLine($"The server dropped the wall's circuit {cut.Elapsed.TotalSeconds:0} s into the cut.");
        await Task.Delay(NetworkCut - cut.Elapsed);
        await Expect(wall.OfflineBanner()).ToBeVisibleAsync();
        await Expect(wall.Cell(signedDuringCut)).ToHaveAttributeAsync("data-status", "available");
        Assert.True(network.Refused > 0, "The wall stopped trying to reconnect during the cut.");
        Assert.Single(documents);

        network.Restore();
        var restored = Stopwatch.StartNew();
        await Expect(wall.Cell(signedDuringCut)).ToHaveAttributeAsync("data-status", "signed", WallSteps.Recovered);
        output.WriteLine($"The wall showed the truth {restored.Elapsed.TotalSeconds:0.0} s after the network came back.");
        await Scenario.WaitForCircuitAsync(wall);
        await Expect(wall.Cell(releasedDuringCut)).ToHaveAttributeAsync("data-status", "available");
        await Expect(wall.Cell(heldDuringCut)).ToHaveAttributeAsync("data-status", "held");
        await wall.ExpectLiveAgainAsync(documents, new Uri(network.Address, wallPath),
            () => app.Services.ActAsync(heldAfter, UnitAction.Hold, zhao, "冯刚", "13300133006"), heldAfter, "wall-after-network-cut.png");
    });
}
