using System.Diagnostics;
using Realty.Live.Web.Domain;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Realty.Live.E2E.BoardSteps;

namespace Realty.Live.E2E.Wall;

/// <summary>
/// Its own app, because a test stops it; its own collection, so it runs beside the others. Every
/// test here takes the wall away from its server one way or another, and expects it back, with the
/// truth, within <see cref="WallSteps.Recovery"/> and with nobody touching the TV.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WallRecoveryCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "wall recovery";
}

[Collection(WallRecoveryCollection.Name)]
public sealed class WallRecoveryTests(LiveApp app, ITestOutputHelper output)
{
    /// <summary>Longer than realty.js waits on any one request, shorter than SignalR's own 100 s negotiate timeout.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    /// <summary>About as long as a server takes to come back after a deploy.</summary>
    private static readonly TimeSpan Refusing = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 120_000)]
    public Task TheWallComesBackByItselfAfterAServerRestartAndShowsWhatChangedWhileItWasDown() => Scenario.RunAsync(app, async s =>
    {
        var wallPath = await app.Services.CreateDisplayLinkAsync("大屏 重启");
        var units = await app.Services.AvailableOnTheWallAsync(3);
        var (heldBefore, signedWhileDown, heldAfter) = (units[0], units[1], units[2]);
        var zhao = await app.Services.ActorAsync(ZhaoMin);

        var wall = await s.OpenAsync(WallSteps.Width, WallSteps.Height, losesNetwork: true);
        var documents = await wall.OpenWallAsync(new Uri(app.BaseAddress, wallPath + WallSteps.KeepFirstBuilding));
        await app.Services.ActAsync(heldBefore, UnitAction.Hold, zhao, "周杰", "13700137003");
        await Expect(wall.Cell(heldBefore)).ToHaveAttributeAsync("data-status", "held", Pushed);

        await app.StopAsync();
        try
        {
            await Expect(wall.OfflineBanner()).ToBeVisibleAsync();
            // Written while no server runs, so no screen was told: only a fresh load can show it.
            await using (var offline = app.OfflineServices())
            {
                await offline.Services.ActAsync(signedWhileDown, UnitAction.Sign, zhao, "吴磊", "13600136004");
            }
            // Down long enough for the page to have given up its quick retries.
            await Task.Delay(TimeSpan.FromSeconds(10));
            await Expect(wall.Cell(signedWhileDown)).ToHaveAttributeAsync("data-status", "available");
        }
        finally
        {
            // Up again even if the test failed while it was down: the collection's other tests need it.
            app.Start();
        }
        var started = Stopwatch.StartNew();
        await Expect(wall.Cell(signedWhileDown)).ToHaveAttributeAsync("data-status", "signed", WallSteps.Recovered);
        output.WriteLine($"The wall showed the truth {started.Elapsed.TotalSeconds:0.0} s after the server was back.");
        await Scenario.WaitForCircuitAsync(wall);
        await Expect(wall.Cell(heldBefore)).ToHaveAttributeAsync("data-status", "held");
        await wall.ExpectLiveAgainAsync(documents, new Uri(app.BaseAddress, wallPath),
            () => app.Services.ActAsync(heldAfter, UnitAction.Hold, zhao, "郑爽", "13500135005"), heldAfter, "wall-after-restart.png");
    });

    /// <summary>
    /// A blip drops the wall's connection, and then every request hangs unanswered instead of
    /// failing, as behind a proxy whose upstream is stuck. Nothing in the browser or SignalR gives
    /// up on such a request soon: only the page's own time limits bring the TV back.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public Task TheWallRecoversByItselfWhenItsRequestsHangInsteadOfFailing() => Scenario.RunAsync(app, async s =>
    {
        var wallPath = await app.Services.CreateDisplayLinkAsync("大屏 卡顿");
        var units = await app.Services.AvailableOnTheWallAsync(2);
        var (signedDuringHang, heldAfter) = (units[0], units[1]);
        var zhao = await app.Services.ActorAsync(ZhaoMin);
        await using var network = new LoopbackProxy(app.BaseAddress);
        var wall = await s.OpenAsync(WallSteps.Width, WallSteps.Height, losesNetwork: true);
        var documents = await wall.OpenWallAsync(new Uri(network.Address, wallPath + WallSteps.KeepFirstBuilding));

        var hanging = true;
        var swallowed = 0;
        await wall.RouteAsync("**/*", route =>
        {
            if (!Volatile.Read(ref hanging))
            {
                return route.ContinueAsync();
            }
            Interlocked.Increment(ref swallowed);
            return Task.CompletedTask;
        });
        Assert.True(network.Cut() > 0, "The wall had no open connection to cut.");
        network.Restore();
        await Expect(wall.OfflineBanner()).ToBeVisibleAsync();
        await app.Services.ActAsync(signedDuringHang, UnitAction.Sign, zhao, "吴磊", "13600136004");
        await Task.Delay(Hang);
        Assert.True(Volatile.Read(ref swallowed) > 0, "The wall sent no request while the network hung.");
        await Expect(wall.Cell(signedDuringHang)).ToHaveAttributeAsync("data-status", "available");

        // The requests already swallowed stay stuck, as in a proxy that lost them; new ones are answered.
        Volatile.Write(ref hanging, false);
        var answering = Stopwatch.StartNew();
        await Expect(wall.Cell(signedDuringHang)).ToHaveAttributeAsync("data-status", "signed", WallSteps.Recovered);
        output.WriteLine($"The wall showed the truth {answering.Elapsed.TotalSeconds:0.0} s after requests were answered again.");
        await Scenario.WaitForCircuitAsync(wall);
        await Expect(wall.OfflineBanner()).ToBeHiddenAsync();
        Assert.All(documents, url => Assert.StartsWith(new Uri(network.Address, wallPath).ToString(), url));

        await app.Services.ActAsync(heldAfter, UnitAction.Hold, zhao, "冯刚", "13300133006");
        await Expect(wall.Cell(heldAfter)).ToHaveAttributeAsync("data-status", "held", Pushed);
    });

    /// <summary>
    /// The page loads, but its live connection is refused: a TV switched on, or reloading itself,
    /// just as the server goes down for a deploy. Blazor does not retry a circuit that never started.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public Task TheWallWhoseFirstConnectionFailsGoesLiveByItselfOnceTheServerAnswers() => Scenario.RunAsync(app, async s =>
    {
        var wallPath = await app.Services.CreateDisplayLinkAsync("大屏 开机");
        var units = await app.Services.AvailableOnTheWallAsync(2);
        var (signedMeanwhile, heldAfter) = (units[0], units[1]);
        var zhao = await app.Services.ActorAsync(ZhaoMin);
        var wall = await s.OpenAsync(WallSteps.Width, WallSteps.Height, losesNetwork: true);
        var documents = wall.TrackDocuments();

        await wall.RouteAsync(url => url.Contains("/_blazor/negotiate", StringComparison.Ordinal), route => route.AbortAsync("connectionrefused"));
        await wall.GotoAsync(new Uri(app.BaseAddress, wallPath + WallSteps.KeepFirstBuilding).ToString());
        // The server-rendered wall shows, but nothing on it will ever change.
        await Expect(wall.Locator("[data-wall=\"live\"]")).ToBeVisibleAsync();
        await app.Services.ActAsync(signedMeanwhile, UnitAction.Sign, zhao, "吴磊", "13600136004");
        await Task.Delay(Refusing);
        await Expect(wall.Locator("[data-circuit=\"ready\"]")).ToHaveCountAsync(0);

        await wall.UnrouteAllAsync();
        var answering = Stopwatch.StartNew();
        await Scenario.WaitForCircuitAsync(wall, WallSteps.Recovery);
        output.WriteLine($"The wall went live {answering.Elapsed.TotalSeconds:0.0} s after the server answered again.");
        await Expect(wall.Cell(signedMeanwhile)).ToHaveAttributeAsync("data-status", "signed");
        Assert.All(documents, url => Assert.StartsWith(new Uri(app.BaseAddress, wallPath).ToString(), url));

        await app.Services.ActAsync(heldAfter, UnitAction.Hold, zhao, "冯刚", "13300133006");
        await Expect(wall.Cell(heldAfter)).ToHaveAttributeAsync("data-status", "held", Pushed);
    });
}
