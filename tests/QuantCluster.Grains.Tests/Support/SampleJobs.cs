using QuantCluster.Contracts;
using QuantCluster.Grains.Store;

namespace QuantCluster.Grains.Tests.Support;

/// <summary>Small specs, items and results whose every value is known.</summary>
internal static class SampleJobs
{
    public static JobSpec Spec(long seed = 7) => new()
    {
        Strategy = "sma_crossover",
        Axes = [new ParameterAxis("fast", [5, 10, 15]), new ParameterAxis("slow", [50, 100])],
        Objective = "sharpe",
        Settings = new BacktestSettings { Fill = FillMode.Close, CommissionBps = 1.5, SlippageBps = 0.5 },
        Data = new JobDataSource("ES", "1m", new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), null),
        Seed = seed,
    };

    /// <summary>Items 0..count-1 of phase 0, each a range of 10 grid indexes.</summary>
    public static NewWorkItem[] Ranges(int count, int phase = 0) =>
        Enumerable.Range(0, count).Select(i => new NewWorkItem(i, phase, $$"""{"start":{{i * 10}},"end":{{i * 10 + 10}}}""")).ToArray();

    /// <summary>Two results for the item, the second with an infinite profit factor (no losing trade).</summary>
    public static EvaluationResult[] Results(ClaimedWorkItem item) =>
    [
        new(item.ItemIndex, new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 50 },
            new Metrics { TotalReturn = 0.125, Sharpe = 1.25, MaxDrawdown = 0.1, Trades = 12, ProfitFactor = 1.5 }),
        new(item.ItemIndex, new Dictionary<string, double> { ["fast"] = 0.1, ["slow"] = 100 },
            new Metrics { TotalReturn = -0.03, Sharpe = -0.2, Trades = 3, ProfitFactor = double.PositiveInfinity, WinRate = 1 }),
    ];
}
