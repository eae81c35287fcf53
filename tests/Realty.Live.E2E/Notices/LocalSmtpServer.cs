using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Realty.Live.E2E.Notices;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd, delivering into a Maildir the test reads. It can
/// be stopped and started again on the same port, to play an outage of the mail server.
/// </summary>
public sealed class LocalSmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _folder = Directory.CreateTempSubdirectory("realty-smtp-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort();

    /// <summary>Created by the server: a Maildir gets its new, cur and tmp folders only when it makes the folder itself.</summary>
    private string Maildir => Path.Combine(_folder, "mail");

    public static bool IsInstalled => File.Exists(Python) && RunsQuietly("-c \"import aiosmtpd\"");

    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited: {await _process.StandardError.ReadToEndAsync()}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops the server we started, by its process id.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message the server accepted, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        [.. new[] { "new", "cur" }.Select(f => Path.Combine(Maildir, f)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(f => (File: f, Message: MimeMessage.Load(f)))
            .OrderBy(m => m.Message.Date).ThenBy(m => File.GetLastWriteTimeUtc(m.File))
            .Select(m => m.Message)];

    public void Dispose()
    {
        Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool RunsQuietly(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Python, arguments) { RedirectStandardError = true, UseShellExecute = false });
        process!.WaitForExit(20_000);
        return process.ExitCode == 0;
    }
}
