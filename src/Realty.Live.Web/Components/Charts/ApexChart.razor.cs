using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Realty.Live.Web.Components.Charts;

/// <summary>
/// An ApexCharts chart through wwwroot/js/charts.js. It is drawn once, after the first render; later
/// parameters that change the data move the same chart in place (a live cockpit re-renders often, mostly
/// with the same numbers, which cost no call at all). A change of kind, title or height redraws it.
/// </summary>
public sealed partial class ApexChart(IJSRuntime js) : ComponentBase, IAsyncDisposable
{
    public const string ModulePath = "./js/charts.js";

    private ElementReference _host;
    private IJSObjectReference? _module;
    private int? _handle;
    private ChartSpec _wanted = default!;
    private ChartSpec? _drawn;
    private bool _syncing;
    private bool _disposed;

    [Parameter, EditorRequired] public ChartKind Kind { get; set; }

    /// <summary>Read out by screen readers and shown as the chart's heading.</summary>
    [Parameter, EditorRequired] public string Title { get; set; } = "";

    /// <summary>The x-axis labels, one per value of each series (a heat map's columns).</summary>
    [Parameter] public IReadOnlyList<string> Categories { get; set; } = [];

    [Parameter] public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>A horizontal target line (the month's target on a trend), with its label.</summary>
    [Parameter] public double? Target { get; set; }

    [Parameter] public string? TargetLabel { get; set; }

    [Parameter] public int Height { get; set; } = 320;

    protected override void OnParametersSet() =>
        _wanted = ChartSpec.Of(Kind, Title, Height, Categories, Series, Target, TargetLabel);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                _module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            }
            catch (JSDisconnectedException)
            {
                return;
            }
        }
        await SyncAsync();
    }

    /// <summary>
    /// Brings the browser to the latest parameters. Renders can come while a call is on its way; they
    /// leave it to the running loop, which looks again before it stops, so calls never overlap.
    /// </summary>
    private async Task SyncAsync()
    {
        if (_module is null || _syncing) return;
        _syncing = true;
        try
        {
            while (!_disposed && !InSync)
            {
                var wanted = _wanted;
                if (_handle is { } handle && SameApartFromData(_drawn!, wanted))
                {
                    await _module.InvokeVoidAsync("update", handle, wanted.Series, wanted.Categories, wanted.Target);
                }
                else
                {
                    if (_handle is { } old) await _module.InvokeVoidAsync("destroy", old);
                    _handle = null;
                    _handle = await _module.InvokeAsync<int>("create", _host, wanted);
                }
                _drawn = wanted;
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the chart with its page.
        }
        finally
        {
            _syncing = false;
        }
        if (_disposed) await CleanUpAsync();
    }

    private bool InSync => _drawn is not null && SameApartFromData(_drawn, _wanted) && _drawn.SameDataAs(_wanted);

    private static bool SameApartFromData(ChartSpec a, ChartSpec b) =>
        a.Kind == b.Kind && a.Title == b.Title && a.Height == b.Height && a.TargetLabel == b.TargetLabel;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        // A sync on its way cleans up itself when its call returns.
        if (!_syncing) await CleanUpAsync();
    }

    private async Task CleanUpAsync()
    {
        if (_module is not { } module) return;
        _module = null;
        try
        {
            if (_handle is { } handle) await module.InvokeVoidAsync("destroy", handle);
            _handle = null;
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; so is the browser's chart.
        }
    }
}
