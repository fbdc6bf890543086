using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Metrics;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Simulation;

/// <summary>
/// One backtest, bar by bar, keeping the equity curve and the trades: the plain statement of the
/// semantics in ARCHITECTURE.md ("Backtest semantics") that the sweep kernel is tested against.
/// </summary>
public static class BacktestSimulator
{
    public static BacktestResult Run(BarSeries bars, Strategy strategy, ParameterValues parameters, BacktestSettings settings)
    {
        var positions = new sbyte[bars.Count];
        strategy.ComputePositions(new IndicatorCache(bars), parameters, positions);
        return Run(bars, positions, settings);
    }

    /// <param name="decisions">The target position decided at each bar's close, in {-1, 0, +1}.</param>
    public static BacktestResult Run(BarSeries bars, ReadOnlySpan<sbyte> decisions, BacktestSettings settings)
    {
        settings.Validate();
        int n = bars.Count;
        if (decisions.Length != n)
        {
            throw new ArgumentException($"{decisions.Length} positions for {n} bars.", nameof(decisions));
        }

        double commission = settings.CommissionBps / 10_000, slippage = settings.SlippageBps / 10_000;
        double fraction = settings.PositionFraction;
        bool atClose = settings.Fill == FillMode.Close;
        var close = bars.Close;
        var returns = new double[n];
        var equity = new double[n];
        var trades = new List<Trade>();
        var stats = new ReturnStatistics { Bars = n };

        double previousEquity = 1, entryEquity = 0, entryPrice = 0;
        int entryBar = 0;
        for (int t = 0; t < n; t++)
        {
            // The position held into bar t, and the one held at its close.
            double oldWeight = fraction * Decision(decisions, atClose ? t - 1 : t - 2);
            double newWeight = fraction * Decision(decisions, atClose ? t : t - 1);
            double r;
            if (newWeight == oldWeight)
            {
                r = t == 0 ? 0 : oldWeight * (close[t] / close[t - 1] - 1);
            }
            else
            {
                double reference = atClose ? close[t] : bars.Open[t];
                double previousClose = t == 0 ? reference : close[t - 1];
                r = FillBar.Return(oldWeight, newWeight, previousClose, reference, close[t], commission, slippage, out double fillPrice, out double exitFactor);
                stats.Fills++;
                double exitEquity = previousEquity * exitFactor;
                if (oldWeight != 0)
                {
                    var trade = new Trade(
                        Math.Sign(oldWeight), entryBar, bars.Timestamps[entryBar], entryPrice, t, bars.Timestamps[t], fillPrice,
                        exitEquity / entryEquity - 1, exitEquity - entryEquity);
                    trades.Add(trade);
                    Count(ref stats, trade);
                }

                if (newWeight != 0)
                {
                    (entryEquity, entryPrice, entryBar) = (exitEquity, fillPrice, t);
                }
            }

            returns[t] = r;
            previousEquity *= 1 + r;
            equity[t] = previousEquity;
            if (newWeight != 0)
            {
                stats.ExposedBars++;
            }
        }

        Summarise(returns, equity, ref stats);
        double periodsPerYear = settings.PeriodsPerYear ?? PeriodsPerYear.Infer(bars.Timestamps);
        return new BacktestResult(MetricsCalculator.Calculate(stats, periodsPerYear, bars.Duration), returns, equity, trades, periodsPerYear);
    }

    private static sbyte Decision(ReadOnlySpan<sbyte> decisions, int t) => t < 0 ? (sbyte)0 : decisions[t];

    internal static void Count(ref ReturnStatistics stats, Trade trade)
    {
        stats.Trades++;
        stats.SumOfTradeReturns += trade.Return;
        if (trade.ProfitAndLoss > 0)
        {
            stats.WinningTrades++;
            stats.GrossProfit += trade.ProfitAndLoss;
        }
        else
        {
            stats.GrossLoss -= trade.ProfitAndLoss;
        }
    }

    internal static void Summarise(double[] returns, double[] equity, ref ReturnStatistics stats)
    {
        // r_0 is excluded from the return statistics; the starting equity 1.0 is the first peak.
        for (int t = 1; t < returns.Length; t++)
        {
            double r = returns[t];
            stats.Sum += r;
            stats.SumOfSquares += r * r;
            stats.DownsideSumOfSquares += r < 0 ? r * r : 0;
        }

        double peak = 1;
        foreach (double e in equity)
        {
            peak = Math.Max(peak, e);
            double drawdown = 1 - e / peak;
            stats.MaxDrawdown = Math.Max(stats.MaxDrawdown, drawdown);
            stats.DrawdownSumOfSquares += drawdown * drawdown;
        }

        stats.FinalEquity = equity.Length > 0 ? equity[^1] : 1;
        if (returns.Length > 1)
        {
            var sorted = returns[1..];
            Array.Sort(sorted);
            int k = ReturnStatistics.TailCount(sorted.Length);
            // Adding 0.0 turns -0.0 into 0.0, so a zero tail prints as 0.
            stats.Var95 = -sorted[k - 1] + 0.0;
            stats.Cvar95 = -sorted.Take(k).Sum() / k + 0.0;
        }
    }
}
