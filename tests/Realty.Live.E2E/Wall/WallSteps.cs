using Microsoft.Playwright;

namespace Realty.Live.E2E.Wall;

/// <summary>What a test watches on a sales-floor TV that nobody tends.</summary>
public static class WallSteps
{
    /// <summary>A TV's size.</summary>
    public const int Width = 1920;
    public const int Height = 1080;

    /// <summary>A long cycle keeps the first building, where the tests work, on screen.</summary>
    public const string KeepFirstBuilding = "?cycle=600";

    /// <summary>How long a wall may take to show the truth again once its server can be reached.</summary>
    public static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    public static readonly LocatorAssertionsToHaveAttributeOptions Recovered = new() { Timeout = (float)Recovery.TotalMilliseconds };

    /// <summary>realty.js's banner while the connection is down.</summary>
    public static ILocator OfflineBanner(this IPage page) => page.Locator("#rl-offline");

    /// <summary>
    /// Records every document the tab shows from now on, so a test can tell a page that reloaded
    /// itself from one that only reconnected, and catch a browser error page.
    /// </summary>
    public static List<string> TrackDocuments(this IPage page)
    {
        var documents = new List<string>();
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                documents.Add(frame.Url);
            }
        };
        return documents;
    }

    /// <summary>
    /// After a recovery: the banner is gone, the tab reloaded itself exactly once and onto the wall (never
    /// a browser error page), and the wall is live again — not just a picture of the moment it came back.
    /// </summary>
    public static async Task ExpectLiveAgainAsync(this IPage wall, IReadOnlyList<string> documents, Uri wallAddress, Func<Task> hold, string heldCode, string screenshot)
    {
        await Assertions.Expect(wall.OfflineBanner()).ToHaveCountAsync(0);
        Assert.Equal(2, documents.Count);
        Assert.All(documents, url => Assert.StartsWith(wallAddress.ToString(), url));
        await hold();
        await Assertions.Expect(wall.Cell(heldCode)).ToHaveAttributeAsync("data-status", "held", BoardSteps.Pushed);
        await Scenario.StepScreenshotAsync(wall, screenshot);
    }

    /// <summary>Opens the wall, waits for it to be live, and returns the documents its tab shows from then on.</summary>
    public static async Task<List<string>> OpenWallAsync(this IPage page, Uri address)
    {
        var documents = page.TrackDocuments();
        await page.GotoAsync(address.ToString());
        await Scenario.WaitForCircuitAsync(page);
        return documents;
    }
}
