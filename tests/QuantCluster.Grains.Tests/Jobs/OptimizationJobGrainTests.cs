using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Sweeps;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Tests.Cluster;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Jobs;

/// <summary>The OptimizationJob grain on a two-silo TestingHost cluster, with workers pulling its items on both silos.</summary>
public sealed class OptimizationJobGrainTests(TwoSiloCluster fixture) : IClassFixture<TwoSiloCluster>
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_grid_sweep_evaluates_every_valid_combination_once_with_the_engines_metrics()
    {
        var spec = SweepSpecs.SmaGrid();

        var job = await fixture.Client.SubmitAsync(spec);
        var final = await fixture.Client.WaitAsync(job.JobId, Poll);
        var results = await fixture.Client.ReadAllAsync(final);

        Assert.Equal(JobStatus.Completed, final.Status);
        Assert.True(final.TotalItems >= 16, $"expected many items, got {final.TotalItems}");
        Assert.Equal(final.TotalItems, final.ItemsDone);
        var sweep = SweepDefinition.From(spec);
        var sets = sweep.Grid.Enumerate().ToArray();
        Assert.Equal(sets.Length, results.Count);
        Assert.Equal(sets.Length, final.Evaluated);
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
        var job = await fixture.Client.SubmitAsync(SweepSpecs.SmaGrid());
        var final = await fixture.Client.WaitAsync(job.JobId, Poll);

        var ranked = Leaderboard.Top(SweepDefinition.From(final.Spec).Objective, await fixture.Client.ReadAllAsync(final), 10);

        Assert.Equal(10, ranked.Count);
        Assert.Equal(ranked.Select(Key), final.Best.Take(10).Select(Key));
        Assert.All(ranked, r => Assert.True(r.Metrics.Trades >= 5));
        Assert.Equal(ranked.Select(r => r.Metrics.Sharpe).OrderDescending(), ranked.Select(r => r.Metrics.Sharpe));
        Assert.True(ranked.Select(r => r.ItemIndex).Distinct().Count() > 1, "the best came from one item; the merge of items went untested");
    }

    [Fact]
    public async Task A_random_search_draws_the_same_sets_for_the_same_seed_and_others_for_another()
    {
        async Task<IReadOnlyList<EvaluationResult>> RunAsync(long seed)
        {
            var job = await fixture.Client.SubmitAsync(SweepSpecs.SmaGrid(optimizer: OptimizerKind.Random, samples: 40, seed: seed));
            var final = await fixture.Client.WaitAsync(job.JobId, Poll);
            Assert.Equal(JobStatus.Completed, final.Status);
            return await fixture.Client.ReadAllAsync(final);
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
    public async Task A_job_whose_bars_cannot_be_read_fails_with_the_reason_and_hands_out_no_work()
    {
        var spec = SweepSpecs.SmaGrid() with { Data = new JobDataSource("X", "1m") { Path = "/nonexistent/bars.parquet" } };

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => fixture.Client.SubmitAsync(spec));
        var job = await fixture.Cluster.Client.GetGrain<IOptimizationJobGrain>(Guid.CreateVersion7()).SubmitAsync(spec);

        Assert.Contains("/nonexistent/bars.parquet", refused.Message, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("/nonexistent/bars.parquet", job.Error, StringComparison.Ordinal);
        Assert.Null(await fixture.Cluster.Client.GetGrain<IOptimizationJobGrain>(job.JobId).ClaimAsync(fixture.Cluster.Primary!.SiloAddress));
        Assert.Contains((await fixture.Client.ListAsync()), j => j.JobId == job.JobId && j.Status == JobStatus.Failed);
    }

    [Fact]
    public async Task A_cancelled_job_stops_handing_out_work_and_keeps_what_it_had_done()
    {
        var job = await fixture.Client.SubmitAsync(SweepSpecs.SmaGrid(bars: 200_000));
        await foreach (var snapshot in fixture.Client.WatchAsync(job.JobId, Poll))
        {
            if (snapshot.ItemsDone > 0)
            {
                break;
            }
        }

        Assert.True(await fixture.Client.CancelAsync(job.JobId));
        var settled = await fixture.Client.RequireAsync(job.JobId);
        await Task.Delay(500);
        var later = await fixture.Client.RequireAsync(job.JobId);

        Assert.Equal(JobStatus.Cancelled, later.Status);
        Assert.Empty(later.InFlight);
        Assert.Equal(settled.ItemsDone, later.ItemsDone);
        Assert.True(later.ItemsDone < later.TotalItems);
        Assert.False(await fixture.Client.CancelAsync(job.JobId));
    }

    [Fact]
    public async Task Submitting_the_same_job_twice_stores_it_once()
    {
        var spec = SweepSpecs.SmaGrid();
        var grain = fixture.Cluster.Client.GetGrain<IOptimizationJobGrain>(Guid.CreateVersion7());

        var first = await grain.SubmitAsync(spec);
        var second = await grain.SubmitAsync(spec with { Objective = "sortino" });

        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal("sharpe", second.Spec.Objective);
        Assert.Single(await fixture.Client.ListAsync(), j => j.JobId == first.JobId);
    }

    [Fact]
    public async Task An_unknown_job_has_no_snapshot()
    {
        Assert.Null(await fixture.Client.GetAsync(Guid.CreateVersion7()));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Client.CancelAsync(Guid.CreateVersion7()));
    }

    private static string Key(EvaluationResult result) =>
        $"{result.ItemIndex}: {string.Join(",", result.Parameters.Select(p => $"{p.Key}={p.Value}"))} {result.Metrics}";
}
