using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Optimizers.WalkForward;

/// <summary>
/// A fold's chosen set run on its out-of-sample bars as it would have been deployed at their start:
/// the indicators are computed from the fold's first in-sample bar (so a 200-bar average is warm when
/// trading starts), and the backtest itself starts flat on the first out-of-sample bar and sees only
/// out-of-sample bars. The in-sample bars are known when the fold starts, so nothing looks ahead.
/// </summary>
public static class OutOfSampleBacktest
{
    public static BacktestResult Run(BarSeries bars, FoldWindow fold, Strategy strategy, ParameterValues parameters, BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(fold);
        var window = bars.Slice(fold.InSampleStart, fold.OutOfSampleEnd - fold.InSampleStart);
        var positions = new sbyte[window.Count];
        strategy.ComputePositions(new IndicatorCache(window), parameters, positions);
        int offset = fold.OutOfSampleStart - fold.InSampleStart;
        var outOfSample = bars.Slice(fold.OutOfSampleStart, fold.OutOfSampleBars);
        return BacktestSimulator.Run(outOfSample, positions.AsSpan(offset), settings);
    }
}
