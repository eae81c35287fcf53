using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Realty.Live.Bench;

public sealed record MachineInfo(int Cores, double MemoryGiB, string Os, string Cpu, string DotnetSdk, string Runtime);

public sealed record SetupInfo(string Provider, int Units, int Buildings, int Boards, int HubClients, int Browsers, int Agents, double BoardsConnectSeconds, string WallPath);

/// <summary>
/// Managed heap after a forced full collection: before any circuit, and with every board circuit open
/// and idle; and what each plain hub subscriber added on top (the transport floor).
/// </summary>
public sealed record MemoryResult(long BaselineHeapBytes, long HeapWithBoardsBytes, int Circuits, long PerCircuitBytes, long WorkingSetPerCircuitBytes, long PerHubClientBytes);

public sealed record LoadResult(
    double Seconds,
    int Agents,
    long Reads,
    long TakenOnRead,
    long Attempts,
    double AttemptsPerSecond,
    long Wins,
    long Conflicts,
    long Rejected,
    long ServerErrors,
    long TransportErrors,
    Percentiles ReadMs,
    Percentiles WinMs,
    Percentiles TimeToTellLoserMs,
    CpuUse Cpu);

public sealed record PhaseDeliveries(string Phase, IReadOnlyList<DeliveryStats> Kinds);

/// <summary>The boards at the end of the run: still connected, what they were sent, and how many JS interop calls the headless ones answered.</summary>
public sealed record BoardHealth(int CircuitsConnectedAtEnd, int CircuitsFailed, long RenderBatches, long RenderBatchBytes, long JsInteropCallsAnswered, int HubClientsConnectedAtEnd);

public sealed record Goal(string Name, string Target, string Measured, bool Met);

public sealed record BenchReport(
    DateTime StartedAt,
    string Command,
    MachineInfo Machine,
    BenchOptions Options,
    SetupInfo Setup,
    MemoryResult Memory,
    CpuUse IdleCpu,
    RaceResult Race,
    CpuUse RaceCpu,
    LoadResult Load,
    IReadOnlyList<PhaseDeliveries> Deliveries,
    BoardHealth Boards,
    AuditResult Audit,
    IReadOnlyList<Goal> Goals);

/// <summary>Prints the results table and writes the JSON (a timestamped file and latest.json).</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<Goal> Goals(BenchOptions options, SetupInfo setup, MemoryResult memory, RaceResult race, LoadResult load, IReadOnlyList<PhaseDeliveries> deliveries, BoardHealth boards, AuditResult audit)
    {
        var blazor = deliveries.Single(d => d.Phase == "load").Kinds.Single(k => k.Kind == "blazor");
        var kb = memory.PerCircuitBytes / 1024.0;
        return
        [
            new("board circuits + agents", "1,000 circuits + 200 agents", $"{boards.CircuitsConnectedAtEnd:N0} circuits live at the end + {load.Agents} agents",
                boards.CircuitsConnectedAtEnd >= 1_000 && boards.CircuitsFailed == 0 && load.Agents >= 200),
            new("commit → all boards p50", "≤ 30 ms", Ms(blazor.AllBoardsMs.P50, blazor.AllBoardsMs.Count), blazor.AllBoardsMs.Count > 0 && blazor.AllBoardsMs.P50 <= 30),
            new("commit → all boards p99", "≤ 100 ms", Ms(blazor.AllBoardsMs.P99, blazor.AllBoardsMs.Count), blazor.AllBoardsMs.Count > 0 && blazor.AllBoardsMs.P99 <= 100),
            new("double sells in a 64-way race", "0", $"{race.Units - race.UnitsWithOneWinner} races without exactly one winner ({race.Racers}-way); {audit.DoubleSells} double sells in the database",
                race.Racers >= 64 && race.UnitsWithOneWinner == race.Units && audit.DoubleSells == 0),
            new("attempts/s on SQLite", "≥ 2,000", $"{load.AttemptsPerSecond:N0} ({setup.Provider})", setup.Provider == "Sqlite" && load.AttemptsPerSecond >= 2_000),
            new("memory per idle board circuit", "≤ 250 KB", $"{kb:N0} KB", memory.Circuits > 0 && kb <= 250),
            new("acknowledged actions in the event log", "all", $"{audit.Acknowledged - audit.AcknowledgedMissingFromLog:N0} of {audit.Acknowledged:N0}", audit.AcknowledgedMissingFromLog == 0),
        ];
    }

    private static string Ms(double value, int count) => count == 0 ? "no change reached every board" : $"{value:0.0} ms";

    public static string Table(BenchReport r)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Opening day · {r.Setup.Provider} · {r.Setup.Units:N0} units in {r.Setup.Buildings} buildings · {r.Setup.Boards:N0} Blazor boards + {r.Setup.HubClients:N0} hub clients + {r.Setup.Browsers} Chromium · {r.Setup.Agents} agents · {r.Load.Seconds:0} s");
        s.AppendLine(CultureInfo.InvariantCulture, $"Machine: {r.Machine.Cores} cores ({r.Machine.Cpu}), {r.Machine.MemoryGiB:0} GiB, {r.Machine.Os}, .NET SDK {r.Machine.DotnetSdk}");
        s.AppendLine();
        s.AppendLine("| goal | target | measured | |");
        s.AppendLine("|---|---|---|---|");
        foreach (var g in r.Goals)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {g.Name} | {g.Target} | {g.Measured} | {(g.Met ? "met" : "MISSED")} |");
        }
        s.AppendLine();
        s.AppendLine("| metric | value |");
        s.AppendLine("|---|---|");
        var l = r.Load;
        Row(s, "attempts/s (writes)", $"{l.AttemptsPerSecond:N0} ({l.Attempts:N0} in {l.Seconds:0.0} s)");
        Row(s, "wins / conflicts / other refusals / 5xx / transport errors", $"{l.Wins:N0} / {l.Conflicts:N0} / {l.Rejected:N0} / {l.ServerErrors:N0} / {l.TransportErrors:N0}");
        Row(s, "reads (units found taken on read)", $"{l.Reads:N0} ({l.TakenOnRead:N0})");
        Row(s, "read latency p50/p95/p99/max ms", l.ReadMs.ToString());
        Row(s, "win latency p50/p95/p99/max ms", l.WinMs.ToString());
        Row(s, "time to tell the loser (409) p50/p95/p99/max ms", l.TimeToTellLoserMs.ToString());
        Row(s, "CPU during load: app / bench / Chromium / whole machine (load average before)", Cpu(l.Cpu, r.Machine.Cores));
        Row(s, "race", $"{r.Race.Units} units × {r.Race.Racers} agents: {r.Race.UnitsWithOneWinner} with exactly one winner, winners per unit {r.Race.MinWinners}–{r.Race.MaxWinners}, {r.Race.Conflicts:N0} conflicts, {r.Race.OtherAnswers} other answers");
        Row(s, "race: time to tell the loser p50/p95/p99/max ms", r.Race.TimeToTellLoserMs.ToString());
        var raceAppMs = r.RaceCpu.AppPercent / 100 * r.RaceCpu.Seconds * r.Machine.Cores * 1000;
        var boards = r.Setup.Boards + r.Setup.HubClients + r.Setup.Browsers;
        Row(s, "race: app CPU per change (per board), 64 requests and the fan-out included", r.Race.Units == 0 || boards == 0 ? "—"
            : $"{raceAppMs / r.Race.Units:N0} ms ({raceAppMs / r.Race.Units / boards * 1000:N0} µs)");
        Row(s, "CPU during the race: app / bench / Chromium / whole machine (load average before)", Cpu(r.RaceCpu, r.Machine.Cores));
        Row(s, "memory: heap baseline → with boards", $"{Mb(r.Memory.BaselineHeapBytes)} → {Mb(r.Memory.HeapWithBoardsBytes)} with {r.Memory.Circuits:N0} circuits");
        Row(s, "memory per idle circuit: heap / working set", $"{r.Memory.PerCircuitBytes / 1024.0:N0} KB / {r.Memory.WorkingSetPerCircuitBytes / 1024.0:N0} KB");
        Row(s, "memory per hub subscriber: heap", $"{r.Memory.PerHubClientBytes / 1024.0:N0} KB");
        Row(s, "boards connected in", $"{r.Setup.BoardsConnectSeconds:0.0} s");
        Row(s, "CPU with the boards idle: app / bench / Chromium / whole machine (load average before)", Cpu(r.IdleCpu, r.Machine.Cores));
        Row(s, "boards at the end: circuits live / failed, hub clients live", $"{r.Boards.CircuitsConnectedAtEnd:N0} / {r.Boards.CircuitsFailed:N0}, {r.Boards.HubClientsConnectedAtEnd:N0}");
        Row(s, "render batches received (bytes); JS interop calls answered", $"{r.Boards.RenderBatches:N0} ({Mb(r.Boards.RenderBatchBytes)}); {r.Boards.JsInteropCallsAnswered:N0}");
        var a = r.Audit;
        Row(s, "audit: double sells / live deals / units disagreeing with their deals", $"{a.DoubleSells} / {a.LiveDeals:N0} / {a.UnitsDisagreeingWithTheirDeals}");
        Row(s, "audit: events in log / duplicate versions / acks / acks missing", $"{a.EventsInLog:N0} / {a.DuplicateVersionsInLog} / {a.Acknowledged:N0} / {a.AcknowledgedMissingFromLog}");
        s.AppendLine();
        s.AppendLine("| phase | board | boards | changes | deliveries (coverage) | commit → board p50/p95/p99/max ms | commit → all boards p50/p95/p99/max ms (changes) | agent request → board p50/p95/p99/max ms |");
        s.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var phase in r.Deliveries)
        {
            foreach (var k in phase.Kinds)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {phase.Phase} | {k.Kind} | {k.Boards:N0} | {k.Changes:N0} | {k.Delivered:N0} of {k.Expected:N0} ({k.CoveragePercent:0.##}%) | {k.PerDeliveryMs} | {k.AllBoardsMs} ({k.ChangesOnAllBoards:N0}) | {k.FromRequestStartMs} |");
            }
        }
        return s.ToString();
    }

    public static async Task<string> WriteAsync(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var json = JsonSerializer.Serialize(report, Json);
        var file = Path.Combine(folder, $"opening-day-{report.StartedAt:yyyyMMdd-HHmmss}-{report.Setup.Provider.ToLowerInvariant()}.json");
        await File.WriteAllTextAsync(file, json);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.json"), json);
        return file;
    }

    public static async Task<MachineInfo> MachineAsync()
    {
        var memKb = File.ReadLines("/proc/meminfo").Select(l => l.Split(':', 2)).Where(p => p[0] == "MemTotal")
            .Select(p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        using var dotnet = Process.Start(new ProcessStartInfo("dotnet", ["--version"]) { RedirectStandardOutput = true })!;
        var sdk = (await dotnet.StandardOutput.ReadToEndAsync()).Trim();
        await dotnet.WaitForExitAsync();
        return new MachineInfo(Environment.ProcessorCount, Math.Round(memKb / 1024.0 / 1024.0, 1), os, cpu, sdk, RuntimeInformation.FrameworkDescription);
    }

    private static string Cpu(CpuUse c, int cores) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.AppPercent:0}% / {c.BenchPercent:0}% / {c.ChromiumPercent:0}% / {c.MachinePercent:0}% of {cores} cores ({c.LoadAverageAtStart:0.00})");

    private static void Row(StringBuilder s, string name, string value) => s.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:N1} MB");
}
