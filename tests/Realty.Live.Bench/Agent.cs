using System.Net;

namespace Realty.Live.Bench;

/// <summary>An action the server acknowledged (200): the unit and the version it wrote, and when.</summary>
public sealed record Ack(int UnitId, int Version, string Action, long RequestStartTicks, long ResponseTicks, long CommittedTicks);

/// <summary>One agent's counts and timings; merged into the report after the run.</summary>
public sealed class AgentTally
{
    public int Reads { get; set; }

    /// <summary>Units the agent wanted but found already taken when it read them: no write attempted.</summary>
    public int TakenOnRead { get; set; }

    public int Attempts { get; set; }

    public int Wins { get; set; }

    public int Conflicts { get; set; }

    public int Rejected { get; set; }

    public int ServerErrors { get; set; }

    public int TransportErrors { get; set; }

    public List<double> ReadMs { get; } = [];

    public List<double> WinMs { get; } = [];

    /// <summary>Time to tell the loser: the latency of each 409.</summary>
    public List<double> ConflictMs { get; } = [];

    public List<Ack> Acks { get; } = [];

    public void Record(ActionOutcome outcome, int unitId, string action)
    {
        Attempts++;
        switch (outcome.Status)
        {
            case HttpStatusCode.OK when outcome.Unit is { } unit:
                Wins++;
                WinMs.Add(outcome.Milliseconds);
                Acks.Add(new Ack(unitId, unit.Version, action, outcome.StartTicks, outcome.EndTicks, unit.StatusChangedAt.Ticks));
                break;
            case HttpStatusCode.Conflict:
                Conflicts++;
                ConflictMs.Add(outcome.Milliseconds);
                break;
            case >= HttpStatusCode.InternalServerError:
                ServerErrors++;
                break;
            default:
                Rejected++;
                break;
        }
    }
}

/// <summary>How agents behave: the forced pause between reading a unit and acting on it, and how they let holds go.</summary>
/// <param name="PlanId">The payment plan a subscription agrees.</param>
public sealed record AgentHabits(int GapMinMs, int GapMaxMs, double SubscribeShare, int MaxHolds, int PlanId);

/// <summary>
/// A sales consultant on opening day, as fast as the system lets them: picks a unit (Zipf-skewed),
/// reads it, thinks for a forced gap, and holds it with the version they read — so that another
/// agent acting in the gap makes the optimistic lock refuse one of them. Holds are let go again
/// (mostly released, some subscribed) so that a run can go on for minutes.
/// </summary>
public sealed class Agent(int index, AgentApi api, string token, UnitPicker picker, AgentHabits habits)
{
    private readonly Random _random = new(1_000 + index);
    private readonly Queue<int> _holds = new();

    public AgentTally Tally { get; } = new();

    public async Task RunAsync(DateTime untilUtc, CancellationToken cancellationToken)
    {
        while (DateTime.UtcNow < untilUtc && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_holds.Count >= habits.MaxHolds || (_holds.Count > 0 && _random.NextDouble() < 0.25))
                {
                    await LetGoAsync(_holds.Dequeue(), cancellationToken);
                }
                else
                {
                    await TryHoldAsync(picker.Next(_random), cancellationToken);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Tally.TransportErrors++;
            }
        }
    }

    private async Task TryHoldAsync(int unitId, CancellationToken cancellationToken)
    {
        var unit = await ReadAsync(unitId, cancellationToken);
        if (unit is not { Status: "available" })
        {
            Tally.TakenOnRead++;
            return;
        }
        await Task.Delay(_random.Next(habits.GapMinMs, habits.GapMaxMs + 1), cancellationToken);
        var customer = $"客户{index:000}{_random.Next(1000):000}";
        var phone = $"139{_random.Next(10_000_000, 100_000_000)}";
        var outcome = await api.ActAsync(token, unitId, "hold", new UnitCommand(unit.Version, customer, phone), cancellationToken);
        Tally.Record(outcome, unitId, "hold");
        if (outcome.Status == HttpStatusCode.OK)
        {
            _holds.Enqueue(unitId);
        }
    }

    private async Task LetGoAsync(int unitId, CancellationToken cancellationToken)
    {
        var unit = await ReadAsync(unitId, cancellationToken);
        if (unit is not { Status: "held", Deal.CanAct: true })
        {
            return;
        }
        await Task.Delay(_random.Next(habits.GapMinMs, habits.GapMaxMs + 1), cancellationToken);
        var action = _random.NextDouble() < habits.SubscribeShare ? "subscribe" : "release";
        var command = new UnitCommand(unit.Version, PlanId: action == "subscribe" ? habits.PlanId : null);
        Tally.Record(await api.ActAsync(token, unitId, action, command, cancellationToken), unitId, action);
    }

    private async Task<UnitView?> ReadAsync(int unitId, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow.Ticks;
        var unit = await api.GetUnitAsync(token, unitId, cancellationToken);
        Tally.Reads++;
        Tally.ReadMs.Add(TimeSpan.FromTicks(DateTime.UtcNow.Ticks - start).TotalMilliseconds);
        return unit;
    }
}
