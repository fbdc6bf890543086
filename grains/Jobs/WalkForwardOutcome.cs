using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Optimizers.WalkForward;
using QuantCluster.Engine.Simulation;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// What a walk-forward's folds give once searched: each fold's chosen set (its search's best) run
/// out of sample, and all of them stitched into one account. Single backtests over the job's bars,
/// cheap beside the searches, so the job grain computes them itself.
/// </summary>
internal static class WalkForwardOutcome
{
    /// <param name="settings">The job's backtest settings with the periods per year of the whole series, so every fold annualises alike.</param>
    public static (FoldResult Result, BacktestResult Run) Of(SearchTrack track, FoldWindow fold, BarSeries bars, SweepDefinition sweep, BacktestSettings settings)
    {
        var chosen = track.Best.FirstOrDefault();
        var run = chosen is null
            ? BacktestSimulator.Run(bars.Slice(fold.OutOfSampleStart, fold.OutOfSampleBars), new sbyte[fold.OutOfSampleBars], settings)
            : OutOfSampleBacktest.Run(bars, fold, sweep.Strategy, sweep.Values(chosen.Parameters), settings);
        var result = new FoldResult
        {
            Fold = fold.Index,
            InSampleFrom = UtcMicroseconds.ToDateTime(bars.Timestamps[fold.InSampleStart]),
            InSampleTo = UtcMicroseconds.ToDateTime(bars.Timestamps[fold.InSampleEnd - 1]),
            OutOfSampleFrom = UtcMicroseconds.ToDateTime(bars.Timestamps[fold.OutOfSampleStart]),
            OutOfSampleTo = UtcMicroseconds.ToDateTime(bars.Timestamps[fold.OutOfSampleEnd - 1]),
            InSampleBars = fold.InSampleBars,
            OutOfSampleBars = fold.OutOfSampleBars,
            Parameters = chosen?.Parameters,
            InSample = chosen?.Metrics,
            OutOfSample = run.Metrics,
            Evaluated = track.Evaluated,
        };
        return (result, run);
    }

    /// <summary>Every fold's result and their stitched account; the tracks are the job's, in fold order, all done.</summary>
    public static WalkForwardResult Stitch(IReadOnlyList<SearchTrack> tracks, IReadOnlyList<FoldWindow> folds, BarSeries bars, SweepDefinition sweep, BacktestSettings settings)
    {
        var outcomes = tracks.Select(track => Of(track, folds[track.Fold], bars, sweep, settings)).ToArray();
        long calendar = bars.Timestamps[folds[^1].OutOfSampleEnd - 1] - bars.Timestamps[folds[0].OutOfSampleStart];
        var stitched = StitchedBacktest.Combine([.. outcomes.Select(o => o.Run)], calendar, settings.PeriodsPerYear!.Value);
        var chosen = outcomes.Where(o => o.Result.Parameters is not null).Select(o => o.Result).ToArray();
        double efficiency = WalkForwardEfficiency.Of(stitched.Metrics.Cagr, [.. chosen.Select(r => r.InSample!.Cagr)]);
        var stability = sweep.Grid.Axes
            .Select(axis => ParameterStability.Of(axis.Name, [.. chosen.Select(r => r.Parameters![axis.Name])]))
            .ToArray();
        return new WalkForwardResult([.. outcomes.Select(o => o.Result)], stitched.Metrics, efficiency, stability);
    }
}
