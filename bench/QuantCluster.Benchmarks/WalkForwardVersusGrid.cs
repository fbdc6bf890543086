using System.Globalization;
using QuantCluster.Contracts;
using QuantCluster.Grains.Hosting;

namespace QuantCluster.Benchmarks;

/// <summary>
/// Whether a walk-forward's folds keep the cluster as busy as one grid: 12 folds x 10,000 sma_crossover
/// sets over 100,000 generated bars (each fold's in-sample window 25,000 bars) on the embedded local
/// cluster, against one grid of the same sets and bar-evaluations: the 10,000 sets over 12 x 25,000
/// bars (a kernel's cost per bar depends on how often a set trades, so the same sets are compared).
/// Each is timed from the submit to the end, median of three after a warm-up. Run:
///   dotnet run -c Release --project bench/QuantCluster.Benchmarks -- walkforward [bars] [sets-per-fold]
/// </summary>
internal static class WalkForwardVersusGrid
{
    private const int Folds = 12;
    private const int Runs = 3;

    public static async Task RunAsync(string[] args)
    {
        int bars = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        int sets = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        int inSample = bars * 4 / (Folds + 4);

        // 100 fast values x (sets / 100) slow values, every one above every fast: no set is skipped.
        var axes = new[]
        {
            new ParameterAxis("fast", [.. Enumerable.Range(1, 100).Select(i => (double)(i + 1))]),
            new ParameterAxis("slow", [.. Enumerable.Range(1, sets / 100).Select(i => (double)(110 + (i * 2)))]),
        };
        var walkForward = Spec(axes, bars) with { WalkForward = new WalkForwardSettings { Folds = Folds } };
        var grid = Spec(axes, inSample * Folds);
        Console.WriteLine($"walk-forward: {Folds} folds x {sets:N0} sets x {inSample:N0} in-sample bars (of {bars:N0}); grid: the same {sets:N0} sets x {inSample * Folds:N0} bars; {Environment.ProcessorCount} cores");

        await using var local = await LocalCluster.StartAsync(Environment.ProcessorCount);
        double wf = await TimedJobs.MedianSecondsAsync(local.Client, walkForward, Runs);
        double one = await TimedJobs.MedianSecondsAsync(local.Client, grid, Runs);
        Console.WriteLine($"walk-forward {wf:F2} s, one grid {one:F2} s: the walk-forward takes {wf / one:P1} of the grid's time");
    }

    private static JobSpec Spec(IReadOnlyList<ParameterAxis> axes, int bars) => new()
    {
        Strategy = "sma_crossover",
        Axes = axes,
        Objective = "sharpe",
        MinTrades = 10,
        Settings = new BacktestSettings { CommissionBps = 5 },
        Data = new JobDataSource("BENCH", "1m") { GeneratedBars = bars, GeneratedSeed = 42 },
    };
}
