namespace Realty.Live.Bench;

/// <summary>Every board of the run: headless Blazor circuits, hub subscribers and Chromium pages.</summary>
public sealed class BoardFleet(Uri baseAddress, string wallPath, string displayToken, HttpClient http, UnitDirectory units) : IAsyncDisposable
{
    private readonly List<BlazorCircuitClient> _circuits = [];
    private readonly List<HubBoardClient> _hubs = [];
    private BrowserBoards? _browsers;

    public int CircuitsFailedToStart { get; private set; }

    public IReadOnlyList<BlazorCircuitClient> Circuits => _circuits;

    public IReadOnlyList<HubBoardClient> Hubs => _hubs;

    public int Browsers => _browsers?.Count ?? 0;

    /// <summary>Opens the circuits a few at a time, as TVs switched on across a sales floor would; returns how many are live.</summary>
    public async Task<int> ConnectCircuitsAsync(int count, int concurrency, Action<string> say, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(concurrency);
        var started = 0;
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var client = new BlazorCircuitClient(baseAddress, wallPath, http, units, new BoardLog());
                lock (_circuits)
                {
                    _circuits.Add(client);
                }
                try
                {
                    await client.StartAsync(TimeSpan.FromSeconds(60), cancellationToken);
                    if (Interlocked.Increment(ref started) % 100 == 0)
                    {
                        say($"{started} circuits live");
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException or System.Net.WebSockets.WebSocketException)
                {
                    lock (_circuits)
                    {
                        CircuitsFailedToStart++;
                        if (CircuitsFailedToStart <= 3)
                        {
                            say($"circuit {i} did not start: {ex.Message}");
                        }
                    }
                }
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(tasks);
        return started;
    }

    public async Task ConnectHubsAsync(int count, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var hub = new HubBoardClient(baseAddress, displayToken, new BoardLog());
                lock (_hubs)
                {
                    _hubs.Add(hub);
                }
                await hub.StartAsync(cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    public async Task OpenBrowsersAsync(string chromium, int count)
    {
        if (count > 0)
        {
            _browsers = await BrowserBoards.OpenAsync(chromium, new Uri(baseAddress, wallPath), count);
        }
    }

    /// <summary>The circuits still live at the end: a board that dropped out cannot count towards "every board".</summary>
    public IReadOnlyList<BoardLog> CircuitLogs() => [.. _circuits.Where(c => c.IsConnected && c.Error is null).Select(c => c.Log)];

    public IReadOnlyList<BoardLog> HubLogs() => [.. _hubs.Select(h => h.Log)];

    public async Task<IReadOnlyList<BoardLog>> BrowserLogsAsync() => _browsers is null ? [] : await _browsers.CollectAsync(units);

    public BoardHealth Health() => new(
        _circuits.Count(c => c.IsConnected && c.Error is null),
        _circuits.Count(c => !c.IsConnected || c.Error is not null),
        _circuits.Sum(c => c.Batches),
        _circuits.Sum(c => c.BatchBytes),
        _circuits.Sum(c => c.JsCalls),
        _hubs.Count(h => h.IsConnected));

    public async ValueTask DisposeAsync()
    {
        if (_browsers is not null)
        {
            await _browsers.DisposeAsync();
        }
        using var slots = new SemaphoreSlim(32);
        await Task.WhenAll(_circuits.Select(async c =>
        {
            await slots.WaitAsync();
            try
            {
                await c.DisposeAsync();
            }
            finally
            {
                slots.Release();
            }
        }).Concat(_hubs.Select(h => h.DisposeAsync().AsTask())));
    }
}
