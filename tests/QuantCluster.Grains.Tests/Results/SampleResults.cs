using QuantCluster.Contracts;

namespace QuantCluster.Grains.Tests.Results;

/// <summary>Results whose every metric differs, so a column mixed up or a value rounded shows.</summary>
internal static class SampleResults
{
    public static readonly string[] ParameterNames = ["fast", "slow", "stop"];

    /// <summary>A result of the item; its parameters are given in another order than the job's, which the stores must not keep.</summary>
    public static EvaluationResult Of(long itemIndex, int seed) => new(
        itemIndex,
        new Dictionary<string, double> { ["stop"] = 0.1 * seed, ["slow"] = 20 + seed, ["fast"] = 5 + (seed / 3.0) },
        Metrics(seed));

    public static EvaluationResult[] Item(long itemIndex, int count, int firstSeed = 0) =>
        Enumerable.Range(firstSeed, count).Select(seed => Of(itemIndex, seed)).ToArray();

    /// <summary>Every metric distinct, with the values a backtest can really produce: infinite ratios, NaN, extremes.</summary>
    public static Metrics Metrics(int seed) => new()
    {
        TotalReturn = 0.1 + (seed / 7.0),
        Cagr = -0.05 - (seed / 11.0),
        Volatility = double.Epsilon * (seed + 1),
        Sharpe = double.PositiveInfinity,
        Sortino = double.NegativeInfinity,
        MaxDrawdown = double.NaN,
        Calmar = double.MaxValue / (seed + 1),
        Fills = 100 + seed,
        Trades = int.MaxValue - seed,
        WinRate = 1.0 / 3.0,
        ProfitFactor = Math.PI * seed,
        AvgTrade = -Math.E,
        Exposure = 0.999_999_999_999 - seed,
        Var95 = 1e-300,
        Cvar95 = -1e300,
        UlcerIndex = seed + 0.5,
    };
}
