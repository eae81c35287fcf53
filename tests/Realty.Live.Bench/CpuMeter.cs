using System.Diagnostics;
using System.Globalization;

namespace Realty.Live.Bench;

/// <summary>
/// CPU used over a window, as a share of all cores: by the app, by the bench itself, by the Chromium
/// walls and by the whole machine (anything else running included); and the machine's one-minute load
/// average when the window opened, which tells whether something else was competing.
/// </summary>
public sealed record CpuUse(double Seconds, double AppPercent, double BenchPercent, double ChromiumPercent, double MachinePercent, double LoadAverageAtStart);

/// <summary>
/// Reads CPU time from /proc rather than the app's diagnostics endpoint, whose forced full
/// collection would itself disturb the window being measured.
/// </summary>
public sealed class CpuMeter(int appPid, string chromiumMarker)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private CpuSample _start;
    private double _loadAverage;

    public void Start()
    {
        _loadAverage = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        _start = Sample();
    }

    public CpuUse Stop()
    {
        var end = Sample();
        var seconds = Stopwatch.GetElapsedTime(_start.Wall, end.Wall).TotalSeconds;
        var cores = Environment.ProcessorCount;
        double Percent(double used) => seconds <= 0 ? 0 : Math.Round(100 * used / seconds / cores, 1);
        return new CpuUse(
            Math.Round(seconds, 2),
            Percent(end.App - _start.App),
            Percent(end.Bench - _start.Bench),
            Percent(end.Chromium - _start.Chromium),
            Percent(end.MachineBusy - _start.MachineBusy),
            _loadAverage);
    }

    private CpuSample Sample()
    {
        using var bench = Process.GetCurrentProcess();
        return new CpuSample(Stopwatch.GetTimestamp(), ProcessSeconds(appPid), bench.TotalProcessorTime.TotalSeconds, ChromiumSeconds(), MachineBusySeconds());
    }

    /// <summary>utime + stime (fields 14 and 15 of /proc/PID/stat); 0 for a process that has gone.</summary>
    private static double ProcessSeconds(int pid) => Stat(pid) is { } fields
        ? (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond
        : 0;

    /// <summary>The fields of /proc/PID/stat after the parenthesised name: [0] is the state, [1] the parent.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>All cores' busy time: the first line of /proc/stat less idle and iowait.</summary>
    private readonly record struct CpuSample(long Wall, double App, double Bench, double Chromium, double MachineBusy);

    /// <summary>
    /// The bench's Chromium: the browser process (its command line carries the marker) and every process
    /// below it (renderers, GPU, network). A process that ended within the window is not counted.
    /// </summary>
    private double ChromiumSeconds()
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && Stat(pid) is { } fields)
            {
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }
        var browsers = parents.Keys.Where(pid => CommandLine(pid).Contains(chromiumMarker, StringComparison.Ordinal)).ToHashSet();
        bool IsOurs(int pid)
        {
            for (var p = pid; p > 1 && parents.TryGetValue(p, out var parent); p = parent)
            {
                if (browsers.Contains(p))
                {
                    return true;
                }
            }
            return false;
        }
        return parents.Keys.Where(IsOurs).Sum(ProcessSeconds);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (cpu.Take(8).Sum() - cpu[3] - cpu[4]) / TicksPerSecond;
    }
}
