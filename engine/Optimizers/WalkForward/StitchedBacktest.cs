using QuantCluster.Engine.Metrics;
using QuantCluster.Engine.Simulation;

namespace QuantCluster.Engine.Optimizers.WalkForward;

/// <summary>
/// The out-of-sample runs of every fold, one after the other, as one account: each fold starts with
/// the equity the previous one ended with, and the metrics are those of the joined returns and trades
/// (the definitions of ARCHITECTURE.md, "Metrics"). Nothing of the in-sample bars is in it.
/// </summary>
public static class StitchedBacktest
{
    /// <param name="folds">The folds' out-of-sample runs, in time order.</param>
    /// <param name="calendarMicroseconds">Time from the first out-of-sample bar to the last, for CAGR.</param>
    /// <param name="periodsPerYear">Bars per year, for annualising.</param>
    public static BacktestResult Combine(IReadOnlyList<BacktestResult> folds, long calendarMicroseconds, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(folds);
        int n = folds.Sum(f => f.Returns.Length);
        var returns = new double[n];
        var equity = new double[n];
        var trades = new List<Trade>();
        var stats = new ReturnStatistics { Bars = n };
        double start = 1;
        int at = 0;
        foreach (var fold in folds)
        {
            fold.Returns.CopyTo(returns, at);
            for (int t = 0; t < fold.Equity.Length; t++)
            {
                equity[at + t] = start * fold.Equity[t];
            }

            foreach (var trade in fold.Trades)
            {
                // A trade's profit is in the fold's own equity units, which start at 1.0.
                var scaled = trade with { EntryBar = trade.EntryBar + at, ExitBar = trade.ExitBar + at, ProfitAndLoss = trade.ProfitAndLoss * start };
                trades.Add(scaled);
                BacktestSimulator.Count(ref stats, scaled);
            }

            stats.Fills += fold.Metrics.Fills;
            stats.ExposedBars += (int)Math.Round(fold.Metrics.Exposure * fold.Returns.Length);
            start = fold.Equity.Length > 0 ? equity[at + fold.Equity.Length - 1] : start;
            at += fold.Returns.Length;
        }

        BacktestSimulator.Summarise(returns, equity, ref stats);
        return new BacktestResult(MetricsCalculator.Calculate(stats, periodsPerYear, calendarMicroseconds), returns, equity, trades, periodsPerYear);
    }
}
