using Microsoft.Playwright;

namespace Realty.Live.E2E;

/// <summary>The system's Chromium, as the tests of this repository start it, and where the repository is.</summary>
public static class Chromium
{
    /// <summary>Flags that keep a headless Chromium quiet on a machine with no way out but loopback.</summary>
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The folder holding Realty.Live.sln, found from the test binaries upwards.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("REALTY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = Args,
        });

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Realty.Live.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"Realty.Live.sln was not found above {AppContext.BaseDirectory}.");
    }
}
