using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Sweeps;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Silos;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Silos;

public sealed class LocalClusterTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Items of 8 to 16 sets and phases of 2 items, so a small sweep crosses many item and phase boundaries.</summary>
    private static readonly SiloOptions ManyPhases = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        ItemsPerPhase = 2,
        BarEvaluationsPerItem = 50_000,
    };

    [Fact]
    public async Task A_grid_sweep_evaluates_every_valid_combination_once_with_the_engines_metrics()
    {
        await using var cluster = await LocalCluster.StartAsync(2, TimeProvider.System, options: ManyPhases);
        var spec = SweepSpecs.SmaGrid();

        var job = await cluster.Client.SubmitAsync(spec);
        var final = await cluster.Client.WaitAsync(job.JobId, Poll);
        var results = await cluster.Client.ResultsAsync(job.JobId);

        Assert.Equal(JobStatus.Completed, final.Job.Status);
        Assert.True(final.Job.Phase >= 2, $"expected several phases, got {final.Job.Phase + 1}");
        var sweep = SweepDefinition.From(spec);
        var sets = sweep.Grid.Enumerate().ToArray();
        Assert.Equal(sets.Length, results.Count);
        Assert.Equal(sets.Length, final.State!.Evaluated);
        var expected = new SweepEvaluator(RandomWalkBars.Generate(5_000, new Random(11), "GEN"), spec.Settings).Evaluate(sweep.Strategy, sets);
        for (int i = 0; i < sets.Length; i++)
        {
            Assert.Equal(sweep.Named(sets[i]), results[i].Parameters);
            Assert.Equal(expected[i], results[i].Metrics);
        }
    }

    [Fact]
    public async Task The_best_so_far_is_the_objectives_ranking_of_every_result()
    {
        await using var cluster = await LocalCluster.StartAsync(2, TimeProvider.System, options: ManyPhases);
        var job = await cluster.Client.SubmitAsync(SweepSpecs.SmaGrid());
        var final = await cluster.Client.WaitAsync(job.JobId, Poll);

        var ranked = await cluster.Client.ResultsAsync(job.JobId, top: 10);

        Assert.Equal(10, ranked.Count);
        Assert.Equal(ranked.Select(Key), final.State!.Best.Take(10).Select(Key));
        Assert.All(ranked, r => Assert.True(r.Metrics.Trades >= 5));
        Assert.Equal(ranked.Select(r => r.Metrics.Sharpe).OrderDescending(), ranked.Select(r => r.Metrics.Sharpe));
        Assert.True(ranked.Select(r => r.ItemIndex).Distinct().Count() > 1, "the best came from one item; the merge across phases went untested");
    }

    [Fact]
    public async Task A_random_search_draws_the_same_sets_for_the_same_seed_and_others_for_another()
    {
        await using var cluster = await LocalCluster.StartAsync(2, TimeProvider.System, options: ManyPhases);
        async Task<IReadOnlyList<EvaluationResult>> RunAsync(long seed)
        {
            var job = await cluster.Client.SubmitAsync(SweepSpecs.SmaGrid(optimizer: OptimizerKind.Random, samples: 40, seed: seed));
            Assert.Equal(JobStatus.Completed, (await cluster.Client.WaitAsync(job.JobId, Poll)).Job.Status);
            return await cluster.Client.ResultsAsync(job.JobId);
        }

        var first = await RunAsync(1);
        var again = await RunAsync(1);
        var other = await RunAsync(2);

        Assert.Equal(40, first.Count);
        Assert.Equal(first.Select(r => r.Parameters), again.Select(r => r.Parameters));
        Assert.Equal(first.Select(r => r.Metrics), again.Select(r => r.Metrics));
        Assert.NotEqual(first.Select(r => r.Parameters), other.Select(r => r.Parameters));
        Assert.All(first, r => Assert.True(r.Parameters["fast"] < r.Parameters["slow"]));
    }

    [Fact]
    public async Task A_job_whose_bars_cannot_be_read_fails_with_the_reason()
    {
        await using var cluster = await LocalCluster.StartAsync(1, TimeProvider.System, options: ManyPhases);
        var spec = SweepSpecs.SmaGrid() with { Data = new JobDataSource("X", "1m") { Path = "/nonexistent/bars.parquet" } };

        var job = await cluster.Client.SubmitAsync(spec);
        var final = await cluster.Client.WaitAsync(job.JobId, Poll);

        Assert.Equal(JobStatus.Failed, final.Job.Status);
        Assert.Contains("/nonexistent/bars.parquet", final.State!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_job_stops_and_claims_no_more_work()
    {
        await using var cluster = await LocalCluster.StartAsync(1, TimeProvider.System, options: ManyPhases);
        var job = await cluster.Client.SubmitAsync(SweepSpecs.SmaGrid(bars: 200_000));
        await foreach (var progress in cluster.Client.WatchAsync(job.JobId, Poll))
        {
            if (progress.Counts.Completed > 0)
            {
                break;
            }
        }

        Assert.True(await cluster.Client.CancelAsync(job.JobId));
        await Task.Delay(500);
        var settled = await cluster.Client.ProgressAsync(job.JobId);
        await Task.Delay(500);
        var later = await cluster.Client.ProgressAsync(job.JobId);

        Assert.Equal(JobStatus.Cancelled, later.Job.Status);
        Assert.Equal(settled.Counts.Completed, later.Counts.Completed);
        Assert.True(later.Counts.Completed < later.TotalItems);
    }

    private static string Key(EvaluationResult result) =>
        $"{result.ItemIndex}: {string.Join(",", result.Parameters.Select(p => $"{p.Key}={p.Value}"))} {result.Metrics}";
}
