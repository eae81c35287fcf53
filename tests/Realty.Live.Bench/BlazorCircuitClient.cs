using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Realty.Live.Bench;

/// <summary>
/// A wall page without a browser: speaks the Blazor Server protocol the way blazor.web.js does, as
/// Microsoft's former Ignitor test client did. It fetches the prerendered page, opens /_blazor with
/// the "blazorpack" protocol, starts a circuit, hands over the page's interactive root components
/// (<c>UpdateRootComponents</c>), then reads every render batch, acknowledges it
/// (<c>OnRenderCompleted</c>) and answers every JS interop call as if the browser had run it.
/// </summary>
public sealed partial class BlazorCircuitClient(Uri baseAddress, string pathAndQuery, HttpClient http, UnitDirectory units, BoardLog log) : IAsyncDisposable
{
    private readonly TaskCompletionSource _live = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Sighting> _sightings = [];
    private HubConnection? _hub;
    private string? _circuitId;
    private long _batches;
    private long _batchBytes;
    private long _jsCalls;

    public BoardLog Log { get; } = log;

    public long Batches => Interlocked.Read(ref _batches);

    public long BatchBytes => Interlocked.Read(ref _batchBytes);

    public long JsCalls => Interlocked.Read(ref _jsCalls);

    /// <summary>Why the circuit failed, if the server said (<c>JS.Error</c>) or the connection dropped.</summary>
    public string? Error { get; private set; }

    public bool IsConnected => _hub?.State == HubConnectionState.Connected;

    /// <summary>Loads the page and starts its circuit; completes once the live wall has rendered interactively.</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var page = new Uri(baseAddress, pathAndQuery);
        var html = await http.GetStringAsync(page, cancellationToken);
        var markers = ServerMarkers(html);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{page} has no interactive server component markers.");
        }

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "_blazor"), o => o.Transports = HttpTransportType.WebSockets);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
        _hub = builder.Build();
        _hub.ServerTimeout = TimeSpan.FromMinutes(2);
        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10 sends asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType.
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync);
        _hub.On<string>("JS.Error", error =>
        {
            Error = error;
            _live.TrySetException(new InvalidOperationException($"The circuit failed: {error}"));
        });
        _hub.Closed += error =>
        {
            Error ??= error?.Message ?? "closed";
            _live.TrySetException(new InvalidOperationException($"The circuit's connection closed: {Error}"));
            return Task.CompletedTask;
        };

        await _hub.StartAsync(cancellationToken);
        _circuitId = await _hub.InvokeAsync<string>("StartCircuit", baseAddress.ToString(), page.ToString(), "[]", "", cancellationToken);
        if (string.IsNullOrEmpty(_circuitId))
        {
            throw new InvalidOperationException("The server refused to start a circuit.");
        }
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray([.. markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = marker,
            })]),
        };
        await _hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), PersistedState(html) ?? "", cancellationToken);
        await _live.Task.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>
    /// Reads the batch, notes when and what it showed, and only then acknowledges it: the server holds
    /// back further batches while too many are unacknowledged, as it would for a slow browser.
    /// </summary>
    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        var at = DateTime.UtcNow.Ticks;
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _batchBytes, batch.Length);
        string? error = null;
        try
        {
            _sightings.Clear();
            var live = RenderBatchReader.Read(batch, units, _sightings);
            Log.AddRange(_sightings, at);
            if (live)
            {
                _live.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            error = $"Unreadable render batch {batchId}: {ex.Message}";
            Error = error;
        }
        await _hub!.SendAsync("OnRenderCompleted", batchId, error);
    }

    /// <summary>
    /// Answers as the browser would. The wall's calls (seen by experiment: attachWebRendererInterop,
    /// PageTitle.getAndRemoveExistingTitle, enableNavigationInterception, focusBySelector,
    /// mudThemeProvider.watchDarkMode, window.hasOwnProperty("mudElementRef")) return nothing, except
    /// MudBlazor's check for its script, which a browser that loaded MudBlazor.min.js answers with true.
    /// </summary>
    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        Interlocked.Increment(ref _jsCalls);
        var asyncHandle = (long)args[0]!;
        if (asyncHandle == 0)
        {
            return;
        }
        object? result = (string?)args[1] == "window.hasOwnProperty" ? true : null;
        await _hub!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new[] { asyncHandle, true, result }));
    }

    /// <summary>The page's interactive server roots, as blazor.web.js discovers them: <c>&lt;!--Blazor:{"type":"server",…}--&gt;</c>.</summary>
    public static IReadOnlyList<JsonObject> ServerMarkers(string html) =>
        [.. MarkerComment().Matches(html)
            .Select(m => JsonNode.Parse(WebUtility.HtmlDecode(m.Groups["json"].Value)) as JsonObject)
            .OfType<JsonObject>()
            .Where(m => (string?)m["type"] == "server" && m["descriptor"] is not null)
            .OrderBy(m => (int?)m["sequence"] ?? 0)];

    private static string? PersistedState(string html) =>
        PersistedStateComment().Match(html) is { Success: true } m ? m.Groups["state"].Value : null;

    /// <summary>Closes the connection and tells the server to drop the circuit now, as the browser's unload beacon does.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_hub is null)
        {
            return;
        }
        await _hub.DisposeAsync();
        if (_circuitId is not null)
        {
            try
            {
                using var form = new FormUrlEncodedContent([new("circuitId", _circuitId)]);
                using var _ = await http.PostAsync(new Uri(baseAddress, "_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
                // The app may already be gone; its circuits went with it.
            }
        }
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)-->")]
    private static partial Regex PersistedStateComment();
}
