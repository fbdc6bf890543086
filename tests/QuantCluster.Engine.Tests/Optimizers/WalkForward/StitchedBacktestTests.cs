using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Optimizers.WalkForward;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Tests.Optimizers.WalkForward;

public sealed class StitchedBacktestTests
{
    private static readonly Strategy Sma = StrategyCatalog.Find("sma_crossover");

    [Fact]
    public void One_fold_stitched_is_that_fold()
    {
        var bars = RandomWalkBars.Generate(500, new Random(5));
        var fold = new FoldWindow(0, 0, 300, 300, 500);
        var run = OutOfSampleBacktest.Run(bars, fold, Sma, Sma.Bind(new Dictionary<string, string> { ["fast"] = "5", ["slow"] = "20" }), new BacktestSettings { CommissionBps = 2 });

        var stitched = StitchedBacktest.Combine([run], bars.Timestamps[499] - bars.Timestamps[300], run.PeriodsPerYear);

        Assert.Equal(run.Metrics, stitched.Metrics);
        Assert.Equal(run.Equity, stitched.Equity);
    }

    [Fact]
    public void Folds_compound_and_their_trades_count_once()
    {
        var bars = RandomWalkBars.Generate(900, new Random(8));
        var settings = new BacktestSettings { CommissionBps = 3, Fill = FillMode.Close };
        var folds = new[] { new FoldWindow(0, 0, 300, 300, 600), new FoldWindow(1, 300, 600, 600, 900) };
        var parameters = new[] { ("4", "30"), ("8", "21") };
        var runs = folds.Select((f, i) => OutOfSampleBacktest.Run(bars, f, Sma, Sma.Bind(new Dictionary<string, string> { ["fast"] = parameters[i].Item1, ["slow"] = parameters[i].Item2 }), settings)).ToArray();

        var stitched = StitchedBacktest.Combine(runs, bars.Timestamps[899] - bars.Timestamps[300], runs[0].PeriodsPerYear);

        Assert.Equal((1 + runs[0].Metrics.TotalReturn) * (1 + runs[1].Metrics.TotalReturn), 1 + stitched.Metrics.TotalReturn, 12);
        Assert.Equal(runs.Sum(r => r.Metrics.Trades), stitched.Metrics.Trades);
        Assert.Equal(runs.Sum(r => r.Metrics.Fills), stitched.Metrics.Fills);
        Assert.Equal(600, stitched.Equity.Length);
        Assert.True(stitched.Metrics.MaxDrawdown >= runs.Max(r => r.Metrics.MaxDrawdown) - 1e-12);
    }

    [Fact]
    public void Out_of_sample_trading_starts_flat_with_indicators_warmed_on_the_in_sample_bars()
    {
        var bars = RandomWalkBars.Generate(400, new Random(2));
        var parameters = Sma.Bind(new Dictionary<string, string> { ["fast"] = "10", ["slow"] = "100" });
        var run = OutOfSampleBacktest.Run(bars, new FoldWindow(0, 0, 300, 300, 400), Sma, parameters, new BacktestSettings { Fill = FillMode.Close });

        var positions = new sbyte[400];
        Sma.ComputePositions(new QuantCluster.Engine.Indicators.IndicatorCache(bars), parameters, positions);
        var expected = BacktestSimulator.Run(bars.Slice(300, 100), positions.AsSpan(300), new BacktestSettings { Fill = FillMode.Close });

        Assert.Equal(expected.Metrics, run.Metrics);
        Assert.Equal(100, run.Returns.Length);
    }

    [Fact]
    public void Efficiency_is_out_of_sample_over_in_sample_annualised_return_and_undefined_without_an_in_sample_gain()
    {
        Assert.Equal(0.5, WalkForwardEfficiency.Of(0.1, [0.2, 0.2]), 12);
        Assert.True(double.IsNaN(WalkForwardEfficiency.Of(0.1, [-0.2, 0.1])));
    }

    [Fact]
    public void Stability_counts_the_folds_that_kept_the_previous_value()
    {
        var stability = ParameterStability.Of("fast", [10, 10, 12, 12, 12]);

        Assert.Equal(0.75, stability.Kept, 12);
        Assert.Equal(2, stability.Distinct);
        Assert.Equal(11.2, stability.Mean, 12);
    }
}
