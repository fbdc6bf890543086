using QuantCluster.Contracts;
using QuantCluster.Data;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Optimizers.WalkForward;
using QuantCluster.Engine.Sweeps;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Tests.Cluster;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Jobs;

/// <summary>Walk-forward jobs on a two-silo TestingHost cluster: every fold's in-sample search under way at once, spread over both silos.</summary>
public sealed class WalkForwardJobTests(TwoSiloCluster fixture) : IClassFixture<TwoSiloCluster>
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private static readonly WalkForwardSettings Windows = new() { InSample = WindowLength.OfBars(1_000), OutOfSample = WindowLength.OfBars(400) };

    [Fact]
    public async Task Each_fold_runs_its_in_sample_best_out_of_sample_and_the_runs_stitch_into_one_account()
    {
        var spec = SweepSpecs.SmaGrid(bars: 4_000) with { WalkForward = Windows };
        var bars = RandomWalkBars.Generate(4_000, new Random(11), "GEN");

        var job = await fixture.Client.SubmitAsync(spec);
        var final = await fixture.Client.WaitAsync(job.JobId, Poll);

        Assert.Equal(JobStatus.Completed, final.Status);
        var sweep = SweepDefinition.From(spec);
        var folds = WalkForwardPlan.Folds(bars.Timestamps, Windows);
        Assert.Equal(7, folds.Count);
        Assert.Equal(folds.Count, final.Folds.Count);
        var settings = spec.Settings with { PeriodsPerYear = new SweepEvaluator(bars, spec.Settings).PeriodsPerYear };
        var runs = new List<Engine.Simulation.BacktestResult>();
        foreach (var fold in folds)
        {
            // The fold's choice, found here by backtesting the whole grid on its in-sample bars alone.
            var inSample = bars.Slice(fold.InSampleStart, fold.InSampleBars);
            var sets = sweep.Grid.Enumerate().ToArray();
            var metrics = new SweepEvaluator(inSample, spec.Settings).Evaluate(sweep.Strategy, sets);
            int best = sweep.Objective.Best(metrics, 1)[0];
            var result = final.Folds[fold.Index];
            Assert.Equal(sweep.Named(sets[best]), result.Parameters);
            Assert.Equal(metrics[best], result.InSample);
            Assert.Equal(UtcMicroseconds.ToDateTime(bars.Timestamps[fold.OutOfSampleStart]), result.OutOfSampleFrom);
            Assert.Equal(UtcMicroseconds.ToDateTime(bars.Timestamps[fold.OutOfSampleEnd - 1]), result.OutOfSampleTo);
            var run = OutOfSampleBacktest.Run(bars, fold, sweep.Strategy, sets[best], settings);
            Assert.Equal(run.Metrics, result.OutOfSample);
            runs.Add(run);
        }

        var stitched = StitchedBacktest.Combine(runs, bars.Timestamps[folds[^1].OutOfSampleEnd - 1] - bars.Timestamps[folds[0].OutOfSampleStart], settings.PeriodsPerYear!.Value);
        Assert.Equal(stitched.Metrics, final.WalkForward!.Stitched);
        Assert.Equal(WalkForwardEfficiency.Of(stitched.Metrics.Cagr, [.. final.Folds.Select(f => f.InSample!.Cagr)]), final.WalkForward.Efficiency);
        Assert.Equal(["fast", "slow", "direction"], final.WalkForward.Stability.Select(s => s.Name));
    }

    [Fact]
    public async Task A_genetic_inner_search_runs_per_fold_on_the_folds_in_sample_bars()
    {
        var spec = SweepSpecs.SmaGenetic() with { WalkForward = Windows with { OutOfSample = WindowLength.OfBars(1_000) } };
        var bars = RandomWalkBars.Generate(3_000, new Random(11), "GEN");

        var job = await fixture.Client.SubmitAsync(spec);
        var final = await fixture.Client.WaitAsync(job.JobId, Poll);

        Assert.True(final.Status == JobStatus.Completed, final.Error);
        var sweep = SweepDefinition.From(spec);
        var folds = WalkForwardPlan.Folds(bars.Timestamps, spec.WalkForward!);
        Assert.Equal(2, final.Folds.Count);
        foreach (var fold in folds)
        {
            var evaluator = new SweepEvaluator(bars.Slice(fold.InSampleStart, fold.InSampleBars), spec.Settings);
            var search = new Engine.Optimizers.Genetic.GeneticSearch(sweep.Grid, spec.Genetic!, spec.Seed)
                .Run(genomes => [.. evaluator.Evaluate(sweep.Strategy, sweep.SetsOf(genomes)).Select(sweep.Objective.Score)]);
            var best = Engine.Optimizers.Genetic.GeneticSearch.Ranked(search).First();
            Assert.Equal(sweep.Named(sweep.SetsOf([best.Key])[0]), final.Folds[fold.Index].Parameters);
            Assert.Equal(search.Scores.Count, final.Folds[fold.Index].Evaluated);
        }
    }

    [Fact]
    public async Task No_out_of_sample_bar_can_change_the_choice_of_its_fold()
    {
        var bars = RandomWalkBars.Generate(4_000, new Random(23), "WF");
        var folds = WalkForwardPlan.Folds(bars.Timestamps, Windows);
        var baseline = await FoldsOfAsync(bars);

        foreach (int seed in new[] { 1, 2 })
        {
            // Every bar from fold k's out-of-sample start on is redrawn: folds up to k must choose as before.
            int k = 2 + seed;
            var perturbed = Perturb(bars, folds[k].OutOfSampleStart, new Random(seed));
            var folded = await FoldsOfAsync(perturbed);

            for (int i = 0; i <= k; i++)
            {
                Assert.Equal(baseline[i].Parameters, folded[i].Parameters);
                Assert.Equal(baseline[i].InSample, folded[i].InSample);
            }

            Assert.Contains(Enumerable.Range(k, folds.Count - k), i => baseline[i].OutOfSample != folded[i].OutOfSample);
        }
    }

    private async Task<IReadOnlyList<FoldResult>> FoldsOfAsync(BarSeries bars)
    {
        string path = Path.Combine(Path.GetTempPath(), $"walkforward-{Guid.NewGuid():N}.csv");
        try
        {
            BarFiles.Write(path, bars);
            var spec = SweepSpecs.SmaGrid() with { Data = new JobDataSource("", "") { Path = path }, WalkForward = Windows };
            var job = await fixture.Client.SubmitAsync(spec);
            var final = await fixture.Client.WaitAsync(job.JobId, Poll);
            Assert.Equal(JobStatus.Completed, final.Status);
            return final.Folds;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The bars with every one from <paramref name="from"/> on replaced by a new random walk from the last kept close.</summary>
    private static BarSeries Perturb(BarSeries bars, int from, Random random)
    {
        var tail = RandomWalkBars.Generate(bars.Count - from, random, bars.Symbol, startPrice: bars.Close[from - 1]);
        double[] Join(double[] head, double[] rest) => [.. head.AsSpan(0, from), .. rest];
        return new BarSeries(bars.Symbol, bars.Timestamps, Join(bars.Open, tail.Open), Join(bars.High, tail.High), Join(bars.Low, tail.Low), Join(bars.Close, tail.Close), Join(bars.Volume, tail.Volume));
    }
}
