using Realty.Live.Bench;

// The opening-day benchmark (README, section Benchmark): runs the scenario against a real app
// instance it starts itself, prints the results table and writes artifacts/bench/*.json.
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var root = RepositoryRoot();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop the run, but let it stop the app and remove its files.
    e.Cancel = true;
    stop.Cancel();
};
var scenario = new Scenario(options, root, "dotnet run -c Release --project tests/Realty.Live.Bench" + (args.Length == 0 ? "" : " -- " + string.Join(' ', args)));
var report = await scenario.RunAsync(stop.Token);
Console.WriteLine();
Console.WriteLine(Report.Table(report));
Console.WriteLine($"JSON: {Path.GetRelativePath(root, await Report.WriteAsync(report, scenario.ArtifactFolder))}");
return 0;

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Realty.Live.sln")))
        {
            return folder.FullName;
        }
    }
    throw new InvalidOperationException($"Realty.Live.sln was not found above {AppContext.BaseDirectory}.");
}
