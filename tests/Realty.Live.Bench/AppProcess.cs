using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Realty.Live.Bench;

/// <summary>What the app's /_diagnostics/memory says: managed heap after a forced full collection, circuits, CPU.</summary>
public sealed record NodeMemory(long HeapBytes, long WorkingSetBytes, int Circuits, double CpuSeconds, int Processors);

/// <summary>
/// The app as deployed, in a child process: published (so its static assets are served as in
/// production), Production environment, settings through environment variables, a free loopback
/// port. Stopped by its PID, always.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, Uri baseAddress, StreamWriter log)
    {
        _process = process;
        BaseAddress = baseAddress;
        _log = log;
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    /// <summary>Publishes the web project into <paramref name="outputFolder"/> (incremental after the first time).</summary>
    public static async Task PublishAsync(string repositoryRoot, string outputFolder, CancellationToken cancellationToken)
    {
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(repositoryRoot, "src", "Realty.Live.Web"), "-c", "Release", "-o", outputFolder, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var output = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    public static async Task<AppProcess> StartAsync(string appFolder, IReadOnlyDictionary<string, string> settings, string logFile, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "Realty.Live.Web.dll"), "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, baseAddress, log);
        try
        {
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90), cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    public async Task<NodeMemory> MemoryAsync(HttpClient http, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<NodeMemory>(new Uri(BaseAddress, "_diagnostics/memory"), cancellationToken)
            ?? throw new InvalidOperationException("The diagnostics endpoint answered nothing; is Diagnostics:Enabled set?");

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} while starting; see its log.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The app did not answer /health within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>Asks the app to stop (SIGTERM, as a service manager would), and kills it if it has not within 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
