using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Realty.Live.E2E;

/// <summary>
/// The browsers of one test. Every context it opens is closed at the end; if the test fails, each
/// open page is photographed into the artifacts first. Script errors on any page fail the test.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    public const int TabletWidth = 1180;
    public const int TabletHeight = 820;
    public const int DesktopWidth = 1440;
    public const int DesktopHeight = 900;

    // What a page reports while its network or server is down: the failed requests, SignalR logging
    // each failed attempt to reconnect (its WebSocket transport's own wording when the socket is refused
    // mid-restart), and Blazor's own complaint (an unhandled rejection) when a circuit's first connection
    // fails. Anything else is still the page's fault.
    private static readonly string[] NetworkErrors =
    [
        "net::ERR_",
        "Failed to fetch",
        "Connection disconnected with error",
        "Failed to complete negotiation with the server",
        "Failed to start the connection",
        "Failed to start the transport",
        "Unable to connect, please ensure WebSockets are available",
        "Circuit host not initialized",
    ];

    private readonly LiveApp _app;
    private readonly string _name;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _scriptErrors = [];

    private Scenario(LiveApp app, string name) => (_app, _name) = (app, name);

    public static async Task RunAsync(LiveApp app, Func<Scenario, Task> test, [CallerMemberName] string name = "")
    {
        await using var scenario = new Scenario(app, name);
        try
        {
            await test(scenario);
            Assert.True(scenario._scriptErrors.Count == 0, string.Join(Environment.NewLine, scenario._scriptErrors));
        }
        catch
        {
            await scenario.CaptureOpenPagesAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a page in a fresh, signed-out browser profile: <paramref name="touch"/> for a tablet's
    /// touch screen; <paramref name="losesNetwork"/> when the test cuts it off, so the errors of
    /// failed connections are expected there.
    /// </summary>
    public async Task<IPage> OpenAsync(int width, int height, string locale = "zh-CN", bool touch = false, bool losesNetwork = false)
    {
        var context = await _app.NewContextAsync(width, height, locale, touch);
        // Fail in seconds, not Playwright's default half minute: every step here is local.
        context.SetDefaultTimeout(10_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        bool Expected(string error) => losesNetwork && NetworkErrors.Any(e => error.Contains(e, StringComparison.Ordinal));
        page.PageError += (_, error) =>
        {
            if (!Expected(error))
            {
                _scriptErrors.Add($"{page.Url}: {error}");
            }
        };
        page.Console += (_, message) =>
        {
            // The app has no favicon; the browser's own request for one is not the page's fault.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal) && !Expected(message.Text))
            {
                _scriptErrors.Add($"{page.Url}: {message.Text} ({message.Location})");
            }
        };
        return page;
    }

    /// <summary>Signs in with a demo account's button on the sign-in page and lands on the live board.</summary>
    public async Task<IPage> SignInAsync(string email, int width = TabletWidth, int height = TabletHeight, string locale = "zh-CN", bool touch = false)
    {
        var page = await OpenAsync(width, height, locale, touch);
        await page.GotoAsync("/account/login");
        await WaitForCircuitAsync(page);
        await page.Locator($"[data-demo-login=\"{email}\"]").ClickAsync();
        await page.WaitForURLAsync("**/board");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// Clicks on prerendered HTML are lost: wait until the page's circuit is interactive. The sign-in
    /// page is static (it sets the cookie) and carries the marker from the start.
    /// </summary>
    public static Task WaitForCircuitAsync(IPage page, TimeSpan? within = null) =>
        page.Locator("[data-circuit=\"ready\"]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = (float?)within?.TotalMilliseconds });

    /// <summary>Saves a picture into this run's artifacts and into the repository, where the README shows it.</summary>
    public static Task ScreenshotAsync(IPage page, string fileName) =>
        SaveScreenshotAsync(page, fileName, LiveApp.ArtifactFolder, LiveApp.ScreenshotFolder);

    /// <summary>Saves a picture of one step into this run's artifacts only.</summary>
    public static Task StepScreenshotAsync(IPage page, string fileName) =>
        SaveScreenshotAsync(page, fileName, LiveApp.ArtifactFolder);

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName, params string[] folders)
    {
        var bytes = await page.ScreenshotAsync();
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, fileName), bytes);
        }
    }

    private async Task CaptureOpenPagesAsync()
    {
        Directory.CreateDirectory(LiveApp.ArtifactFolder);
        var pages = _contexts.SelectMany(c => c.Pages).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var file = Path.Combine(LiveApp.ArtifactFolder, $"{_name}-failed-{i + 1}");
            try
            {
                await pages[i].ScreenshotAsync(new() { Path = file + ".png", FullPage = true });
                await File.WriteAllTextAsync(file + ".html", await pages[i].ContentAsync());
            }
            catch (PlaywrightException)
            {
                // A page that crashed cannot be photographed; the test's own failure says more.
            }
        }
    }
}
