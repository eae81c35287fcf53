using System.Text.Json;
using Microsoft.Playwright;
using Realty.Live.Web.Domain;

namespace Realty.Live.Bench;

/// <summary>
/// A few real walls in the system Chromium, for DOM truth beside the headless circuits: a mutation
/// observer notes when each cell's <c>data-version</c> changes (or the cell is replaced, as the wall
/// does) and when each ticker row appears.
/// </summary>
public sealed class BrowserBoards : IAsyncDisposable
{
    /// <summary>An inert switch on the browser's command line, by which the CPU meter finds it and its children.</summary>
    public const string Marker = "--realty-bench-walls";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", Marker,
    ];

    // Times are performance.timeOrigin + performance.now(): milliseconds since the Unix epoch, sub-millisecond.
    private const string Observer = """
        () => {
          const seen = window.__benchSeen = [];
          const now = () => performance.timeOrigin + performance.now();
          const cell = (b, t) => seen.push([+b.dataset.unitId, b.dataset.status, +b.dataset.version, t, '']);
          new MutationObserver(records => {
            const t = now();
            for (const r of records) {
              if (r.type === 'attributes') {
                if (r.target.dataset.unitId) cell(r.target, t);
                continue;
              }
              for (const n of r.addedNodes) {
                if (n.nodeType !== 1) continue;
                if (n.matches('button[data-unit-id]')) {
                  cell(n, t);
                } else if (n.matches('.wall-ticker li')) {
                  seen.push([0, n.querySelector('.ticker-status')?.textContent ?? '', 0, t, n.querySelector('strong')?.textContent ?? '']);
                } else {
                  n.querySelectorAll('button[data-unit-id]').forEach(b => cell(b, t));
                }
              }
            }
          }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-version'] });
        }
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IPage> _pages = [];

    private BrowserBoards(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public int Count => _pages.Count;

    public static async Task<BrowserBoards> OpenAsync(string chromium, Uri wall, int count)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        var boards = new BrowserBoards(playwright, browser);
        try
        {
            for (var i = 0; i < count; i++)
            {
                // A sales-floor TV: 1080p, Chinese, Shanghai time.
                var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
                var page = await context.NewPageAsync();
                await page.GotoAsync(wall.ToString());
                // Prerendered markup is replaced when the circuit starts: observe only the interactive page.
                await page.WaitForSelectorAsync("[data-circuit=ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                await page.WaitForSelectorAsync("[data-wall=live]", new() { Timeout = 60_000 });
                // The wall flashes changed cells; in a GPU-less Chromium every 1080p frame is painted in
                // software, which took over half a core per page here. What is measured is when the DOM
                // changed, not how it was painted, so the bench's pages do without the animation.
                await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { animation: none !important; transition: none !important; }" });
                await page.EvaluateAsync(Observer);
                boards._pages.Add(page);
            }
        }
        catch
        {
            await boards.DisposeAsync();
            throw;
        }
        return boards;
    }

    /// <summary>What each page saw, as board logs.</summary>
    public async Task<IReadOnlyList<BoardLog>> CollectAsync(UnitDirectory units)
    {
        var logs = new List<BoardLog>();
        for (var i = 0; i < _pages.Count; i++)
        {
            var log = new BoardLog();
            var rows = JsonSerializer.Deserialize<JsonElement[][]>(await _pages[i].EvaluateAsync<string>("() => JSON.stringify(window.__benchSeen)")) ?? [];
            foreach (var row in rows)
            {
                var at = DateTime.UnixEpoch.Ticks + (long)(row[3].GetDouble() * TimeSpan.TicksPerMillisecond);
                var unitId = row[0].GetInt32();
                if (unitId == 0)
                {
                    // A ticker row: the unit's code and the status name as printed.
                    if (units.TryGetId(row[4].GetString() ?? "", out var id) && units.TryGetStatus(row[1].GetString() ?? "", out var printed))
                    {
                        log.Add(new Seen(id, printed, 0, at));
                    }
                }
                else if (Enum.TryParse<UnitStatus>(row[1].GetString(), ignoreCase: true, out var status))
                {
                    log.Add(new Seen(unitId, status, row[2].GetInt32(), at));
                }
            }
            logs.Add(log);
        }
        return logs;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
