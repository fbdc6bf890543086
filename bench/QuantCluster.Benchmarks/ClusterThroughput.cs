using System.Diagnostics;
using System.Globalization;
using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Sweeps;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Jobs;

namespace QuantCluster.Benchmarks;

/// <summary>
/// The sweep throughput harness: one sma_crossover grid over generated bars, timed as bar-evaluations
/// per second (a) by the engine alone on every core, (b) on the embedded local cluster, and (c) on a
/// cluster of 1 and 2 quant-silo processes on PostgreSQL; the coordination overhead is each cluster figure
/// against the engine's on the same cores. Every figure is the median of three runs after a warm-up
/// run (the silos' bar caches are warm). Run:
///   eval "$(eng/postgres.sh start)"
///   QUANT_DB=$QUANT_TEST_DB dotnet run -c Release --project bench/QuantCluster.Benchmarks -- cluster [bars] [local]
/// (with "local", the engine and the embedded cluster only, no database needed).
///   eng/postgres.sh stop
/// </summary>
internal static class ClusterThroughput
{
    private const int Runs = 3;

    public static async Task RunAsync(string[] args)
    {
        int bars = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        bool localOnly = args is [_, _, "local", ..];
        string? connectionString = Environment.GetEnvironmentVariable("QUANT_DB") is { Length: > 0 } value
            ? value
            : localOnly ? null : throw new InvalidOperationException("Set QUANT_DB to a PostgreSQL connection string (eng/postgres.sh start gives a throwaway server), or run `cluster BARS local`.");
        int cores = Environment.ProcessorCount;
        var spec = Spec(bars);
        var sweep = SweepDefinition.From(spec);
        var sets = sweep.SetsAt(0, sweep.Positions);
        long barEvaluations = (long)sets.Count * bars;
        Console.WriteLine($"{sets.Count:N0} sma_crossover sets x {bars:N0} bars = {barEvaluations / 1e9:F2} G bar-evaluations; {cores} cores");

        var evaluator = new SweepEvaluator(RandomWalkBars.Generate(bars, new Random(spec.Data.GeneratedSeed), spec.Data.Symbol), spec.Settings);
        double engine = Median(() =>
        {
            var clock = Stopwatch.StartNew();
            evaluator.Evaluate(sweep.Strategy, sets, cores);
            return barEvaluations / clock.Elapsed.TotalSeconds;
        });
        Report("engine alone", cores, engine, engine);

        await using (var local = await LocalCluster.StartAsync(cores))
        {
            Report("embedded local cluster", cores, await ClusterRateAsync(local.Client, spec, barEvaluations), engine);
        }

        if (connectionString is null)
        {
            return;
        }

        foreach (var (silos, workers) in new[] { (1, 1), (2, 1), (1, cores) })
        {
            await using var database = await BenchDatabase.CreateAsync(connectionString);
            var processes = Enumerable.Range(0, silos).Select(i => SiloProcess.Start(database.ConnectionString, workers, i)).ToArray();
            try
            {
                await using var cluster = await ConnectAsync(database.ConnectionString, silos);
                double rate = await ClusterRateAsync(cluster.Client, spec, barEvaluations);
                double engineOnSameCores = silos * workers >= cores ? engine : Median(() =>
                {
                    var clock = Stopwatch.StartNew();
                    evaluator.Evaluate(sweep.Strategy, sets, silos * workers);
                    return barEvaluations / clock.Elapsed.TotalSeconds;
                });
                Report($"{silos} silo process(es) x {workers} worker(s)", silos * workers, rate, engineOnSameCores);
            }
            finally
            {
                foreach (var process in processes)
                {
                    process.Dispose();
                }
            }
        }
    }

    private static JobSpec Spec(int bars) => new()
    {
        Strategy = "sma_crossover",
        Axes =
        [
            new ParameterAxis("fast", [.. Enumerable.Range(1, 20).Select(i => i * 5.0)]),
            new ParameterAxis("slow", [.. Enumerable.Range(1, 40).Select(i => i * 10.0)]),
            new ParameterAxis("direction", [0, 1]),
        ],
        Objective = "sharpe",
        MinTrades = 10,
        Settings = new BacktestSettings { CommissionBps = 5 },
        Data = new JobDataSource("BENCH", "1m") { GeneratedBars = bars, GeneratedSeed = 42 },
    };

    /// <summary>Connects once every silo has joined (a client that came earlier would know only the first).</summary>
    private static async Task<RemoteCluster> ConnectAsync(string connectionString, int silos)
    {
        await ClusterReadiness.WaitForActiveSilosAsync(connectionString, silos);
        return await RemoteCluster.ConnectAsync(connectionString);
    }

    private static async Task<double> ClusterRateAsync(JobClient client, JobSpec spec, long barEvaluations) =>
        barEvaluations / await TimedJobs.MedianSecondsAsync(client, spec, Runs);

    private static double Median(Func<double> measure)
    {
        measure();
        var rates = Enumerable.Range(0, Runs).Select(_ => measure()).Order().ToArray();
        return rates[rates.Length / 2];
    }

    private static void Report(string what, int cores, double rate, double engine) =>
        Console.WriteLine($"{what,-36} on {cores} core(s): {rate / 1e6,8:N0} M bar-evaluations/s  ({(1 - rate / engine) * 100,5:F1}% below the engine on the same cores)");
}
