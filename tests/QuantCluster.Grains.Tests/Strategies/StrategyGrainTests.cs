using QuantCluster.Contracts;
using QuantCluster.Contracts.Strategies;
using QuantCluster.Grains.Tests.Cluster;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Strategies;

public sealed class StrategyGrainTests(TwoSiloCluster fixture) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task The_leaderboard_ranks_the_best_of_every_completed_job_per_symbol_without_repeating_a_set()
    {
        // Symbols of this test's own, as the Strategy grain is one per strategy on the shared cluster.
        string gen = $"GEN-{Guid.NewGuid():N}"[..12];
        string other = $"OTH-{Guid.NewGuid():N}"[..12];
        var first = SweepSpecs.SmaGrid() with { Data = new JobDataSource(gen, "1m") { GeneratedBars = 5_000, GeneratedSeed = 11 } };
        var overlapping = first with { Axes = [new ParameterAxis("fast", [5, 10, 15]), new ParameterAxis("slow", [20, 30, 40])] };
        var otherSymbol = first with { Data = new JobDataSource(other, "1m") { GeneratedBars = 5_000, GeneratedSeed = 12 } };
        var firstJob = await fixture.Client.SubmitAsync(first);
        var jobs = new[] { firstJob, await fixture.Client.SubmitAsync(overlapping), await fixture.Client.SubmitAsync(otherSymbol) };
        foreach (var job in jobs)
        {
            Assert.Equal(JobStatus.Completed, (await fixture.Client.WaitAsync(job.JobId, TimeSpan.FromMilliseconds(20))).Status);
        }

        // A job tells its Strategy grain in the same turn that ends it, before any snapshot shows it completed.

        var grain = fixture.Cluster.Client.GetGrain<IStrategyGrain>("sma_crossover");
        var both = (await grain.GetLeaderboardAsync("sharpe", 5, 5, null)).Where(e => e.Symbol == gen || e.Symbol == other).ToArray();
        var ofGen = await grain.GetLeaderboardAsync("sharpe", 5, 50, gen);

        Assert.Equal([gen, other], both.Select(e => e.Symbol).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(5, both.Count(e => e.Symbol == gen));
        var sharpes = ofGen.Select(e => e.Result.Metrics.Sharpe).ToArray();
        Assert.Equal(sharpes.OrderDescending(), sharpes);
        Assert.Equal(ofGen.Count, ofGen.Select(e => (e.Result.Parameters["fast"], e.Result.Parameters["slow"], e.Result.Parameters["direction"])).Distinct().Count());
        var best = (await fixture.Client.RequireAsync(firstJob.JobId)).Best[0];
        Assert.Equal(best.Metrics, ofGen[0].Result.Metrics);
    }

    [Fact]
    public async Task The_schema_names_every_parameter_with_its_range_and_the_constraints()
    {
        var schema = await fixture.Cluster.Client.GetGrain<IStrategyGrain>("sma_crossover").GetSchemaAsync();

        Assert.Equal("sma_crossover", schema.Name);
        Assert.Equal(["fast", "slow", "direction"], schema.Parameters.Select(p => p.Name));
        Assert.Equal(["long_only", "long_short"], schema.Parameters[2].Choices);
        Assert.Contains("fast < slow", schema.Constraints);
    }
}
