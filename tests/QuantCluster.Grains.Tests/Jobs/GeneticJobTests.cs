using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Optimizers.Genetic;
using QuantCluster.Engine.Sweeps;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Tests.Cluster;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Jobs;

/// <summary>Genetic jobs on a two-silo TestingHost cluster: each generation a phase of work items spread over both silos.</summary>
public sealed class GeneticJobTests(TwoSiloCluster fixture) : IClassFixture<TwoSiloCluster>
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_genetic_job_spread_over_two_silos_breeds_what_the_search_breeds_in_one_process()
    {
        var spec = SweepSpecs.SmaGenetic();
        var sweep = SweepDefinition.From(spec);
        var evaluator = new SweepEvaluator(RandomWalkBars.Generate(3_000, new Random(11), "GEN"), spec.Settings);
        var expected = new GeneticSearch(sweep.Grid, spec.Genetic!, spec.Seed)
            .Run(genomes => [.. evaluator.Evaluate(sweep.Strategy, sweep.SetsOf(genomes)).Select(sweep.Objective.Score)]);

        var job = await fixture.Client.SubmitAsync(spec);
        var final = await fixture.Client.WaitAsync(job.JobId, Poll);
        var results = await fixture.Client.ReadAllAsync(final);

        Assert.Equal(JobStatus.Completed, final.Status);
        Assert.Equal(expected.History, final.Generations);
        Assert.Equal(expected.Scores.Count, final.Evaluated);
        Assert.Equal(
            expected.Scores.Keys.Select(i => sweep.Named(sweep.SetsOf([i])[0])).Select(Key).Order(),
            results.Select(r => r.Parameters).Select(Key).Order());
        var best = GeneticSearch.Ranked(expected).First();
        Assert.Equal(sweep.Named(sweep.SetsOf([best.Key])[0]), final.Best[0].Parameters);
        Assert.Equal(best.Value, final.Best[0].Metrics.Sharpe);
        Assert.True(final.Generations.Count > 2, "the search stopped before breeding");
    }

    [Fact]
    public async Task A_genetic_job_stores_every_set_it_evaluates_once_and_never_an_invalid_one()
    {
        var job = await fixture.Client.SubmitAsync(SweepSpecs.SmaGenetic(seed: 9));
        var final = await fixture.Client.WaitAsync(job.JobId, Poll);
        var results = await fixture.Client.ReadAllAsync(final);

        Assert.Equal(final.Evaluated, results.Count);
        Assert.Equal(results.Count, results.Select(r => Key(r.Parameters)).Distinct().Count());
        Assert.All(results, r => Assert.True(r.Parameters["fast"] < r.Parameters["slow"]));
        Assert.Equal(final.Generations.Sum(g => g.NewEvaluations), results.Count);
    }

    private static string Key(IReadOnlyDictionary<string, double> parameters) =>
        string.Join(",", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
