using System.Diagnostics;
using Realty.Live.Web.Data;

namespace Realty.Live.Bench;

/// <summary>
/// The opening-day run, start to end: seed, start the app, open the boards, race, load, drain,
/// audit, report. Everything it starts it stops, and it removes its temporary files.
/// </summary>
public sealed class Scenario(BenchOptions options, string repositoryRoot, string command)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string ArtifactFolder => Path.Combine(repositoryRoot, "artifacts", "bench");

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTime.UtcNow;
        var machine = await Report.MachineAsync();
        var temp = Directory.CreateTempSubdirectory("realty-bench-");
        try
        {
            await using var database = await BenchDatabase.CreateAsync(options.Provider, options.Connection, temp.FullName);
            Say($"seeding {options.Units:N0} units and {options.Agents} agents into {database.Provider}");
            SeededProject seeded;
            await using (var db = database.CreateContext())
            {
                seeded = await Seeder.SeedAsync(db, options.Units, options.Agents);
            }

            var appFolder = Path.Combine(ArtifactFolder, "app");
            if (options.Publish)
            {
                Say("publishing the app (Release)");
                await AppProcess.PublishAsync(repositoryRoot, appFolder, cancellationToken);
            }
            var appLog = Path.Combine(temp.FullName, "app.log");
            await using var app = await AppProcess.StartAsync(appFolder, new Dictionary<string, string>
            {
                ["ConnectionStrings__Realty"] = database.ConnectionString,
                ["Database__Provider"] = database.Provider,
                ["Demo__Seed"] = "false",
                ["Jobs__Enabled"] = "false",
                ["Diagnostics__Enabled"] = "true",
                // The simulated agents act faster than the fairness limits let a person; the benchmark measures the system, not the limits.
                ["RateLimits__AgentPerMinute"] = "0",
                ["RateLimits__BuyerPerMinute"] = "0",
            }, appLog, cancellationToken);
            Say($"app (PID {app.Pid}) listening on {app.BaseAddress}");
            try
            {
                return await RunAgainstAsync(app, database, seeded, machine, startedAt, cancellationToken);
            }
            finally
            {
                // The app's own account of the run, kept beside the JSON for whoever reads a surprising number.
                Directory.CreateDirectory(ArtifactFolder);
                File.Copy(appLog, Path.Combine(ArtifactFolder, "latest-app.log"), overwrite: true);
            }
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private async Task<BenchReport> RunAgainstAsync(AppProcess app, BenchDatabase database, SeededProject seeded, MachineInfo machine, DateTime startedAt, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var api = new AgentApi(http, app.BaseAddress);
        var units = new UnitDirectory(seeded.Units.Select(u => (u.Id, u.Code)));
        var wallPath = $"wall/{seeded.DisplayToken}?cycle=600";
        var picker = new UnitPicker([.. seeded.Units.Select(u => u.Id)], options.ZipfExponent, seed: 20261123);
        var raceUnits = picker.Coldest(options.RaceUnits + 1).Select(id => seeded.Units.Single(u => u.Id == id)).ToList();
        var warmUpUnit = raceUnits[^1];
        raceUnits.RemoveAt(raceUnits.Count - 1);

        Say($"signing in {options.Agents} agents");
        var tokens = await SignInAsync(api, seeded.AgentEmails, cancellationToken);
        await WarmUpAsync(api, http, app.BaseAddress, wallPath, tokens[0], warmUpUnit, cancellationToken);
        var baseline = await app.MemoryAsync(http, cancellationToken);
        Say($"baseline heap {baseline.HeapBytes / 1024.0 / 1024.0:N1} MB, {baseline.Circuits} circuits");

        await using var fleet = new BoardFleet(app.BaseAddress, wallPath, seeded.DisplayToken, http, units);
        var connecting = Stopwatch.StartNew();
        var live = await fleet.ConnectCircuitsAsync(options.Boards, concurrency: 8, Say, cancellationToken);
        var connectSeconds = Math.Round(connecting.Elapsed.TotalSeconds, 1);
        Say($"{live:N0} of {options.Boards:N0} circuits live in {connectSeconds} s; letting them settle");
        // The first seconds still carry the tail of connecting (the last circuits' first round trips, a
        // background collection); idle is measured after them.
        await Task.Delay(Settle, cancellationToken);
        var cpu = new CpuMeter(app.Pid, BrowserBoards.Marker);
        cpu.Start();
        await Task.Delay(Settle, cancellationToken);
        var idleCpu = cpu.Stop();
        var withBoards = await app.MemoryAsync(http, cancellationToken);
        var opened = withBoards.Circuits - baseline.Circuits;
        var memory = new MemoryResult(
            baseline.HeapBytes,
            withBoards.HeapBytes,
            opened,
            opened == 0 ? 0 : (withBoards.HeapBytes - baseline.HeapBytes) / opened,
            opened == 0 ? 0 : (withBoards.WorkingSetBytes - baseline.WorkingSetBytes) / opened,
            PerHubClientBytes: 0);
        Say($"heap with {opened:N0} idle circuits {withBoards.HeapBytes / 1024.0 / 1024.0:N1} MB: {memory.PerCircuitBytes / 1024.0:N0} KB per circuit");

        await fleet.ConnectHubsAsync(options.HubClients, cancellationToken);
        await Task.Delay(Settle, cancellationToken);
        var withHubs = await app.MemoryAsync(http, cancellationToken);
        memory = memory with { PerHubClientBytes = fleet.Hubs.Count == 0 ? 0 : (withHubs.HeapBytes - withBoards.HeapBytes) / fleet.Hubs.Count };
        await fleet.OpenBrowsersAsync(options.Chromium, options.Browsers);
        Say($"{fleet.Hubs.Count} hub clients and {fleet.Browsers} Chromium walls connected");

        Say($"race: {options.RaceUnits} units, {options.Racers} agents each");
        cpu.Start();
        var raceStart = DateTime.UtcNow.Ticks;
        var (race, raceAcks) = await Race.RunAsync(api, tokens, raceUnits, options.Racers, TimeSpan.FromMilliseconds(300), cancellationToken);
        var raceEnd = DateTime.UtcNow.Ticks;
        var raceCpu = cpu.Stop();
        Say($"race: {race.UnitsWithOneWinner} of {race.Units} units with exactly one winner");
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

        Say($"load: {options.Agents} agents for {options.DurationSeconds} s");
        var habits = new AgentHabits(options.GapMinMs, options.GapMaxMs, SubscribeShare: 0.1, MaxHolds: 3, seeded.PlanId);
        var agents = tokens.Select((token, i) => new Agent(i, api, token, picker, habits)).ToList();
        cpu.Start();
        var loadStart = DateTime.UtcNow;
        await Task.WhenAll(agents.Select(a => Task.Run(() => a.RunAsync(loadStart.AddSeconds(options.DurationSeconds), cancellationToken), cancellationToken)));
        var loadEnd = DateTime.UtcNow;
        var cpuUse = cpu.Stop();
        var load = Tally(agents.Select(a => a.Tally).ToList(), (loadEnd - loadStart).TotalSeconds, options.Agents, cpuUse);
        Say($"load: {load.AttemptsPerSecond:N0} attempts/s, {load.Wins:N0} wins, {load.Conflicts:N0} conflicts; draining {Drain.TotalSeconds:0} s");
        await Task.Delay(Drain, cancellationToken);

        var health = fleet.Health();
        var acks = raceAcks.Concat(agents.SelectMany(a => a.Tally.Acks)).ToList();
        AuditResult audit;
        IReadOnlyList<Change> changes;
        await using (var db = database.CreateContext())
        {
            (audit, changes) = await Audit.RunAsync(db, seeded.ProjectId, acks);
        }
        Say($"audit: {audit.DoubleSells} double sells, {audit.AcknowledgedMissingFromLog} acknowledged actions missing from the log");

        var deliveries = new Deliveries(changes, acks);
        var circuitLogs = fleet.CircuitLogs();
        var hubLogs = fleet.HubLogs();
        var browserLogs = await fleet.BrowserLogsAsync();
        PhaseDeliveries Phase(string name, long from, long to) => new(name,
        [
            deliveries.Measure("blazor", circuitLogs, c => c.AtTicks >= from && c.AtTicks <= to),
            deliveries.Measure("hub", hubLogs, c => c.AtTicks >= from && c.AtTicks <= to),
            deliveries.Measure("chromium", browserLogs, c => c.AtTicks >= from && c.AtTicks <= to),
        ]);
        IReadOnlyList<PhaseDeliveries> phases = [Phase("race", raceStart, raceEnd), Phase("load", loadStart.Ticks, loadEnd.Ticks)];

        var setup = new SetupInfo(database.Provider, seeded.Units.Count, seeded.Buildings.Count, live, fleet.Hubs.Count, fleet.Browsers, options.Agents, connectSeconds, wallPath.Replace(seeded.DisplayToken, "{token}", StringComparison.Ordinal));
        var goals = Report.Goals(options, setup, memory, race, load, phases, health, audit);
        return new BenchReport(startedAt, command, machine, options, setup, memory, idleCpu, race, raceCpu, load, phases, health, audit, goals);
    }

    /// <summary>Signs the agents in a few at a time: each sign-in is a deliberate PBKDF2 on the server.</summary>
    private static async Task<IReadOnlyList<string>> SignInAsync(AgentApi api, IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(4);
        return await Task.WhenAll(emails.Select(async email =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await api.LoginAsync(email, Seeder.Password, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    /// <summary>
    /// One wall page and one hold and release before measuring: loads the board snapshot and warms the
    /// code paths, so the baseline is a running app and not a cold one.
    /// </summary>
    private static async Task WarmUpAsync(AgentApi api, HttpClient http, Uri baseAddress, string wallPath, string token, SeededUnit unit, CancellationToken cancellationToken)
    {
        await http.GetStringAsync(new Uri(baseAddress, wallPath), cancellationToken);
        var held = await api.ActAsync(token, unit.Id, "hold", new UnitCommand(unit.Version, "预热客户", "13900000000"), cancellationToken);
        if (held.Unit is { } unitView)
        {
            await api.ActAsync(token, unit.Id, "release", new UnitCommand(unitView.Version), cancellationToken);
        }
    }

    private static LoadResult Tally(IReadOnlyList<AgentTally> tallies, double seconds, int agents, CpuUse cpu)
    {
        long Sum(Func<AgentTally, int> f) => tallies.Sum(t => (long)f(t));
        var attempts = Sum(t => t.Attempts);
        return new LoadResult(
            Math.Round(seconds, 2),
            agents,
            Sum(t => t.Reads),
            Sum(t => t.TakenOnRead),
            attempts,
            Math.Round(attempts / seconds, 1),
            Sum(t => t.Wins),
            Sum(t => t.Conflicts),
            Sum(t => t.Rejected),
            Sum(t => t.ServerErrors),
            Sum(t => t.TransportErrors),
            Percentiles.Of(tallies.SelectMany(t => t.ReadMs)),
            Percentiles.Of(tallies.SelectMany(t => t.WinMs)),
            Percentiles.Of(tallies.SelectMany(t => t.ConflictMs)),
            cpu);
    }

    private void Say(string message) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");
}
