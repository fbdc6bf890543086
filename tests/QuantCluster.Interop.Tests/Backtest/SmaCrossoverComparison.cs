using QuantCluster.Contracts;
using QuantCluster.Data.Csv;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Interop.Tests.Backtest;

/// <summary>
/// The engine's reference simulator against an independent statement of the same backtest in
/// DuckDB SQL (ARCHITECTURE.md, "Exact form for fill mode close"), on real bars read by the CSV
/// importer: total return, max drawdown and sharpe to 1e-9 relative, fills exactly.
/// </summary>
internal static class SmaCrossoverComparison
{
    private const double CommissionBps = 10;
    private const double PeriodsPerYear = 252;
    private const double Tolerance = 1e-9;

    public static void AssertEngineMatchesDuckDb(string file, int fast, int slow, string direction)
    {
        string path = RepositoryPaths.MarketFile(file);
        var bars = CsvBarReader.Read(path);
        var strategy = StrategyCatalog.Find("sma_crossover");
        var parameters = strategy.Bind(new Dictionary<string, string>
        {
            ["fast"] = $"{fast}",
            ["slow"] = $"{slow}",
            ["direction"] = direction,
        });
        var settings = new BacktestSettings { Fill = FillMode.Close, CommissionBps = CommissionBps, PeriodsPerYear = PeriodsPerYear };

        var engine = BacktestSimulator.Run(bars, strategy, parameters, settings).Metrics;
        var reference = DuckDbSmaCrossover.Run(path, fast, slow, CommissionBps, direction, PeriodsPerYear);

        Assert.Equal(bars.Count, reference.Bars);
        Assert.True(reference.Fills == engine.Fills, $"fills: engine {engine.Fills}, DuckDB {reference.Fills}");
        AssertClose("total_return", reference.TotalReturn, engine.TotalReturn);
        AssertClose("max_drawdown", reference.MaxDrawdown, engine.MaxDrawdown);
        AssertClose("sharpe", reference.Sharpe ?? 0, engine.Sharpe);
    }

    private static void AssertClose(string metric, double expected, double actual)
    {
        double error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(
            actual == expected || error <= Tolerance,
            $"{metric}: engine {actual:R}, DuckDB {expected:R}, relative difference {error:E3} > {Tolerance:E0}");
    }
}
