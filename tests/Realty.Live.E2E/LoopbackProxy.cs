using System.Net;
using System.Net.Sockets;

namespace Realty.Live.E2E;

/// <summary>
/// A TCP relay on 127.0.0.1 between a browser and the app, with a switch that cuts the network.
/// </summary>
/// <remarks>
/// Playwright's offline mode is a network condition inside the browser: Chromium does not promise to
/// close WebSockets that are already open, and the server never notices anything. A cut here is
/// what a pulled cable does to both ends: every open connection is reset, so the browser and the
/// server each see their connection die, and new connections are refused until it is restored.
/// </remarks>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    // Each browser-side socket with its app-side partner, once connected.
    private readonly Dictionary<Socket, Socket?> _open = [];
    private readonly List<Task> _relays = [];
    private readonly Task _accepting;
    private bool _cut;

    public LoopbackProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where the browser goes instead of the app.</summary>
    public Uri Address { get; }

    /// <summary>How many connections the browser tried to open while the network was cut.</summary>
    public int Refused { get; private set; }

    /// <summary>Resets every open connection at both ends, refuses new ones until <see cref="Restore"/>, and says how many it reset.</summary>
    public int Cut()
    {
        lock (_gate)
        {
            _cut = true;
            var reset = _open.Count;
            foreach (var (client, server) in _open)
            {
                Reset(client);
                if (server is not null)
                {
                    Reset(server);
                }
            }
            _open.Clear();
            return reset;
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            _cut = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        Task[] relays;
        lock (_gate)
        {
            relays = [.. _relays];
        }
        await Task.WhenAll([_accepting, .. relays]);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_gate)
            {
                if (_cut)
                {
                    Refused++;
                    Reset(client);
                    continue;
                }
                _open.Add(client, null);
                _relays.RemoveAll(t => t.IsCompleted);
                _relays.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            lock (_gate)
            {
                if (!_open.ContainsKey(client))
                {
                    // Cut while connecting upstream.
                    Reset(server);
                    return;
                }
                _open[client] = server;
            }
            // Whichever side closes first ends the pair, as a plain HTTP or WebSocket exchange allows.
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The pair was cut or the proxy is stopping; the finally block below lets go of both ends.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
            }
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, _stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Reset by a cut, or by the other side.
        }
    }

    /// <summary>Closes with an RST instead of a FIN: to the peer this is a broken network, not a goodbye.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
