using System.Net;

namespace Realty.Live.Bench;

/// <summary>How the 64-way race went: every unit must have exactly one winner.</summary>
public sealed record RaceResult(
    int Units,
    int Racers,
    int UnitsWithOneWinner,
    int MinWinners,
    int MaxWinners,
    int Conflicts,
    int OtherAnswers,
    Percentiles WinnerMs,
    Percentiles TimeToTellLoserMs);

/// <summary>
/// N agents hold the same unit with the same version at the same instant, one unit after another,
/// with a quiet pause between units (so the deliveries of each change are also measured unloaded).
/// </summary>
public static class Race
{
    public static async Task<(RaceResult Result, IReadOnlyList<Ack> Acks)> RunAsync(
        AgentApi api, IReadOnlyList<string> tokens, IReadOnlyList<SeededUnit> units, int racers, TimeSpan pause, CancellationToken cancellationToken)
    {
        var acks = new List<Ack>();
        var winners = new List<int>();
        var winnerMs = new List<double>();
        var loserMs = new List<double>();
        var other = 0;
        foreach (var unit in units)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racing = Enumerable.Range(0, racers).Select(async i =>
            {
                await gate.Task;
                var command = new UnitCommand(unit.Version, $"抢房客户{i:00}", $"1370000{i:0000}");
                return await api.ActAsync(tokens[i % tokens.Count], unit.Id, "hold", command, cancellationToken);
            }).ToList();
            gate.SetResult();
            var outcomes = await Task.WhenAll(racing);
            var won = outcomes.Where(o => o.Status == HttpStatusCode.OK).ToList();
            winners.Add(won.Count);
            winnerMs.AddRange(won.Select(o => o.Milliseconds));
            acks.AddRange(won.Select(o => new Ack(unit.Id, o.Unit!.Version, "hold", o.StartTicks, o.EndTicks, o.Unit.StatusChangedAt.Ticks)));
            loserMs.AddRange(outcomes.Where(o => o.Status == HttpStatusCode.Conflict).Select(o => o.Milliseconds));
            other += outcomes.Count(o => o.Status is not (HttpStatusCode.OK or HttpStatusCode.Conflict));
            await Task.Delay(pause, cancellationToken);
        }
        var result = new RaceResult(
            units.Count,
            racers,
            winners.Count(w => w == 1),
            winners.DefaultIfEmpty().Min(),
            winners.DefaultIfEmpty().Max(),
            loserMs.Count,
            other,
            Percentiles.Of(winnerMs),
            Percentiles.Of(loserMs));
        return (result, acks);
    }
}
