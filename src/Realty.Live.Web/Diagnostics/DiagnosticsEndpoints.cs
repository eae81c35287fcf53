using System.Diagnostics;

namespace Realty.Live.Web.Diagnostics;

/// <summary>What the benchmark reads of a node: managed heap after a full collection, circuits, CPU.</summary>
public sealed record NodeMemory(long HeapBytes, long WorkingSetBytes, int Circuits, double CpuSeconds, int Processors);

public static class DiagnosticsEndpoints
{
    /// <summary>
    /// Off unless <c>Diagnostics:Enabled</c> is true, and then only for callers on the same machine:
    /// a forced full collection is a benchmark's tool, not something the internet may trigger.
    /// </summary>
    public static IEndpointRouteBuilder MapDiagnostics(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue("Diagnostics:Enabled", false))
        {
            return app;
        }
        app.MapGet("/_diagnostics/memory", (HttpContext http, CircuitCounter circuits) =>
        {
            if (http.Connection.RemoteIpAddress is not { } caller || !System.Net.IPAddress.IsLoopback(caller))
            {
                return Results.NotFound();
            }
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new NodeMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, circuits.Open, process.TotalProcessorTime.TotalSeconds, Environment.ProcessorCount));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
