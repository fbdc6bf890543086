using QuantCluster.Contracts;

namespace QuantCluster.Grains.Tests.Support;

/// <summary>Sweeps over generated bars, small enough to run in a test and big enough to span several items and phases.</summary>
internal static class SweepSpecs
{
    public static JobSpec SmaGrid(int bars = 5_000, OptimizerKind optimizer = OptimizerKind.Grid, int samples = 0, long seed = 3) => new()
    {
        Strategy = "sma_crossover",
        Axes =
        [
            new ParameterAxis("fast", [.. Enumerable.Range(1, 12).Select(i => i * 5.0)]),
            new ParameterAxis("slow", [.. Enumerable.Range(1, 12).Select(i => i * 10.0)]),
            new ParameterAxis("direction", [0, 1]),
        ],
        Objective = "sharpe",
        MinTrades = 5,
        Optimizer = optimizer,
        Samples = samples,
        Settings = new BacktestSettings { CommissionBps = 2 },
        Data = new JobDataSource("GEN", "1m") { GeneratedBars = bars, GeneratedSeed = 11 },
        Seed = seed,
    };

    /// <summary>A genetic search of a 59 x 196 sma_crossover grid over 3,000 generated bars: a few hundred sets in 16-genome generations.</summary>
    public static JobSpec SmaGenetic(long seed = 5) => SmaGrid(bars: 3_000) with
    {
        Axes =
        [
            new ParameterAxis("fast", [.. Enumerable.Range(2, 59).Select(i => (double)i)]),
            new ParameterAxis("slow", [.. Enumerable.Range(5, 196).Select(i => (double)i)]),
        ],
        Optimizer = OptimizerKind.Genetic,
        Genetic = new GeneticSettings { Population = 16, Generations = 10, Patience = 0 },
        Seed = seed,
    };
}
