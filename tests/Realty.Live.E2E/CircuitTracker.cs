using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Realty.Live.E2E;

/// <summary>
/// Which circuits the app holds. A page that only reconnected kept its circuit; the wall tests use
/// this to prove the server really let go of the TV's circuit before the page came back.
/// </summary>
public sealed class CircuitTracker : CircuitHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _circuits = new();

    /// <summary>The circuits opened and not yet closed.</summary>
    public IReadOnlySet<string> Open => _circuits.Where(c => !c.Value.Task.IsCompleted).Select(c => c.Key).ToHashSet();

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _circuits.TryAdd(circuit.Id, new(TaskCreationOptions.RunContinuationsAsynchronously));
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_circuits.TryGetValue(circuit.Id, out var closed))
        {
            closed.TrySetResult();
        }
        return Task.CompletedTask;
    }

    /// <summary>Completes when the server disposes the circuit: closed by its page, or evicted after losing it.</summary>
    public Task ClosedAsync(string circuitId) =>
        _circuits.TryGetValue(circuitId, out var closed) ? closed.Task : throw new ArgumentException($"No circuit {circuitId} was opened.", nameof(circuitId));
}
