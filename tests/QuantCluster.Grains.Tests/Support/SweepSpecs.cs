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
}
