using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;

namespace Realty.Live.Web.Realtime;

/// <summary>
/// Tells this node's boards (tablets, walls) about committed changes. Three things matter with a
/// thousand of them: a listener is called off the publisher's thread, so an agent's answer never waits
/// for screens to redraw; it gets what arrived while it was waiting in one batch, so under a rush a
/// screen redraws once per turn, not once per change; and it runs in the culture it subscribed in,
/// so a board keeps its viewer's language whoever made the change.
/// </summary>
public sealed class BoardListeners : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Listener[]> _byProject = [];
    private readonly Channel<Listener> _ready = Channel.CreateUnbounded<Listener>();

    public BoardListeners()
    {
        // Redrawing takes at most half the cores; requests keep the rest.
        for (var i = 0; i < Math.Max(1, Environment.ProcessorCount / 2); i++)
        {
            _ = Task.Run(PumpAsync);
        }
    }

    public IDisposable Add(int projectId, Action<IReadOnlyList<BoardMessage>> handler)
    {
        var listener = new Listener(handler, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        lock (_gate)
        {
            _byProject[projectId] = [.. _byProject.GetValueOrDefault(projectId) ?? [], listener];
        }
        return new Subscription(() =>
        {
            listener.Stop();
            lock (_gate)
            {
                _byProject[projectId] = [.. _byProject[projectId].Where(l => l != listener)];
            }
        });
    }

    public int Count(int projectId)
    {
        lock (_gate)
        {
            return _byProject.GetValueOrDefault(projectId)?.Length ?? 0;
        }
    }

    public void Post(BoardMessage message)
    {
        Listener[] listeners;
        lock (_gate)
        {
            listeners = _byProject.GetValueOrDefault(message.ProjectId) ?? [];
        }
        foreach (var listener in listeners)
        {
            if (listener.Take(message))
            {
                _ready.Writer.TryWrite(listener);
            }
        }
    }

    public void Dispose() => _ready.Writer.TryComplete();

    private async Task PumpAsync()
    {
        await foreach (var listener in _ready.Reader.ReadAllAsync())
        {
            listener.Deliver();
        }
    }

    private sealed class Listener(Action<IReadOnlyList<BoardMessage>> handler, CultureInfo culture, CultureInfo uiCulture)
    {
        private readonly ConcurrentQueue<BoardMessage> _inbox = new();
        private int _queued;
        private volatile bool _stopped;

        /// <summary>Keeps the message; true when the listener must be queued for delivery.</summary>
        public bool Take(BoardMessage message)
        {
            _inbox.Enqueue(message);
            return Interlocked.Exchange(ref _queued, 1) == 0;
        }

        public void Stop() => _stopped = true;

        public void Deliver()
        {
            // Cleared before draining: whatever arrives from now on queues the listener again.
            Volatile.Write(ref _queued, 0);
            var batch = new List<BoardMessage>();
            while (_inbox.TryDequeue(out var message))
            {
                batch.Add(message);
            }
            if (batch.Count == 0 || _stopped)
            {
                return;
            }
            var (pumpCulture, pumpUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            try
            {
                handler(batch);
            }
            catch (Exception)
            {
                // A screen whose circuit broke meanwhile must not stop the others from hearing.
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (pumpCulture, pumpUiCulture);
            }
        }
    }
}
