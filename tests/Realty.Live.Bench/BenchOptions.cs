using System.Globalization;

namespace Realty.Live.Bench;

/// <summary>What to run. Every count and duration is bounded; <c>--quick</c> is a smoke run of well under a minute.</summary>
public sealed record BenchOptions
{
    public int Units { get; init; } = 2_000;

    public int Boards { get; init; } = 1_000;

    public int HubClients { get; init; } = 200;

    public int Agents { get; init; } = 200;

    public int DurationSeconds { get; init; } = 30;

    public int Browsers { get; init; } = 3;

    public int Racers { get; init; } = 64;

    public int RaceUnits { get; init; } = 20;

    public int GapMinMs { get; init; } = 5;

    public int GapMaxMs { get; init; } = 20;

    public double ZipfExponent { get; init; } = 1.0;

    public string Provider { get; init; } = "sqlite";

    public string? Connection { get; init; }

    public string Chromium { get; init; } = "/usr/bin/chromium";

    public bool Publish { get; init; } = true;

    public bool Quick { get; init; }

    public static string Usage => """
        dotnet run -c Release --project tests/Realty.Live.Bench -- [options]
          --units N        units in the generated project (2000)
          --boards N       headless Blazor wall circuits (1000)
          --hubs N         plain SignalR subscribers of /hubs/board (200)
          --agents N       agents acting through the API (200)
          --duration S     seconds of opening-day load (30)
          --browsers N     real Chromium wall pages (3)
          --racers N       agents in each race for one unit (64)
          --race-units N   units raced for (20)
          --gap MIN-MAX    forced pause in ms between an agent's read and write (5-20)
          --zipf S         skew of the agents' choice of units (1.0)
          --provider P     sqlite | postgresql (sqlite)
          --connection CS  PostgreSQL server (Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres)
          --no-publish     reuse artifacts/bench/app as it is
          --quick          a smoke run: 480 units, 40 boards, 20 hubs, 64 agents, 10 s, 1 browser, 5 races
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = args.Contains("--quick")
            ? new BenchOptions { Quick = true, Units = 480, Boards = 40, HubClients = 20, Agents = 64, DurationSeconds = 10, Browsers = 1, RaceUnits = 5 }
            : new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Count(int max) => int.Parse(Value(), CultureInfo.InvariantCulture) is var n && n >= 0 && n <= max ? n : throw new ArgumentException($"{args[i]} must be 0..{max}.");
            options = args[i] switch
            {
                "--quick" => options,
                "--units" => options with { Units = Count(20_000) },
                "--boards" => options with { Boards = Count(5_000) },
                "--hubs" => options with { HubClients = Count(5_000) },
                "--agents" => options with { Agents = Count(1_000) },
                "--duration" => options with { DurationSeconds = Count(600) },
                "--browsers" => options with { Browsers = Count(10) },
                "--racers" => options with { Racers = Count(256) },
                "--race-units" => options with { RaceUnits = Count(200) },
                "--gap" => Value().Split('-') is [var min, var max]
                    ? options with { GapMinMs = int.Parse(min, CultureInfo.InvariantCulture), GapMaxMs = int.Parse(max, CultureInfo.InvariantCulture) }
                    : throw new ArgumentException("--gap takes MIN-MAX in ms, e.g. 5-20."),
                "--zipf" => options with { ZipfExponent = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--provider" => options with { Provider = Value() },
                "--connection" => options with { Connection = Value() },
                "--chromium" => options with { Chromium = Value() },
                "--no-publish" => options with { Publish = false },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Agents < 1 || options.Units < options.RaceUnits + options.Agents || options.GapMinMs < 0 || options.GapMaxMs < options.GapMinMs)
        {
            throw new ArgumentException("Need at least one agent, more units than race units plus agents, and 0 <= gap min <= gap max.");
        }
        return options;
    }
}
