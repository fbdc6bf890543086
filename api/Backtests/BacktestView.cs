using QuantCluster.Api.Jobs;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Api.Backtests;

/// <summary>
/// One parameter set of a job re-run as a single backtest: its metrics, the equity curve and drawdown
/// (at most <see cref="MaxPoints"/> points: the last equity and the deepest drawdown of each stretch of
/// bars), and its trades. Times are UTC milliseconds.
/// </summary>
public sealed record BacktestView(
    IReadOnlyDictionary<string, object> Parameters, IReadOnlyDictionary<string, double> Metrics, int Bars,
    IReadOnlyList<double[]> Equity, IReadOnlyList<double[]> Drawdown, int TradeCount, IReadOnlyList<TradeView> Trades)
{
    public const int MaxPoints = 2000;

    public const int MaxTrades = 1000;

    public static BacktestView Of(Strategy strategy, ParameterValues values, BarSeries bars, BacktestResult result)
    {
        var named = new Contracts.EvaluationResult(0, strategy.Parameters.Select((p, i) => (p.Name, values.Values[i])).ToDictionary(p => p.Name, p => p.Item2), result.Metrics);
        var view = ResultView.Of(strategy, named);
        int n = result.Equity.Length;
        int stride = Math.Max(1, (n + MaxPoints - 1) / MaxPoints);
        var equity = new List<double[]>();
        var drawdown = new List<double[]>();
        double peak = 1.0;
        for (int start = 0; start < n; start += stride)
        {
            int end = Math.Min(n, start + stride);
            double deepest = 0;
            int deepestAt = start;
            for (int i = start; i < end; i++)
            {
                peak = Math.Max(peak, result.Equity[i]);
                double down = 1 - (result.Equity[i] / peak);
                if (down > deepest)
                {
                    deepest = down;
                    deepestAt = i;
                }
            }

            equity.Add([Millis(bars.Timestamps[end - 1]), result.Equity[end - 1]]);
            drawdown.Add([Millis(bars.Timestamps[deepestAt]), -deepest]);
        }

        return new BacktestView(
            view.Parameters, view.Metrics, bars.Count, equity, drawdown, result.Trades.Count,
            [.. result.Trades.Take(MaxTrades).Select(t => new TradeView(
                t.Direction > 0 ? "long" : "short", Millis(t.EntryTime), t.EntryPrice, Millis(t.ExitTime), t.ExitPrice, t.Return))]);
    }

    private static double Millis(long microseconds) => microseconds / 1000;
}
