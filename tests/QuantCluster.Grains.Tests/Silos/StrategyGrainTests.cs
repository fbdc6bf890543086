using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Silos;
using QuantCluster.Grains.Strategies;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Silos;

public sealed class StrategyGrainTests
{
    [Fact]
    public async Task The_leaderboard_ranks_the_best_of_every_completed_job_per_symbol_without_repeating_a_set()
    {
        await using var cluster = await LocalCluster.StartAsync(2, TimeProvider.System);
        var first = SweepSpecs.SmaGrid();
        var overlapping = first with { Axes = [new ParameterAxis("fast", [5, 10, 15]), new ParameterAxis("slow", [20, 30, 40])] };
        var otherSymbol = first with { Data = new JobDataSource("OTHER", "1m") { GeneratedBars = 5_000, GeneratedSeed = 12 } };
        foreach (var spec in new[] { first, overlapping, otherSymbol })
        {
            var job = await cluster.Client.SubmitAsync(spec);
            Assert.Equal(JobStatus.Completed, (await cluster.Client.WaitAsync(job.JobId, TimeSpan.FromMilliseconds(20))).Job.Status);
        }

        var grain = new StrategyGrain(cluster.Client.Store, StrategyCatalog.Find("sma_crossover"));
        var board = await grain.LeaderboardAsync(Objective.For("sharpe", minTrades: 5), top: 5);
        var gen = await grain.LeaderboardAsync(Objective.For("sharpe", minTrades: 5), top: 50, symbol: "GEN");

        Assert.Equal(["GEN", "OTHER"], board.Select(e => e.Symbol).Distinct());
        Assert.Equal(5, board.Count(e => e.Symbol == "GEN"));
        var sharpes = gen.Select(e => e.Result.Metrics.Sharpe).ToArray();
        Assert.Equal(sharpes.OrderDescending(), sharpes);
        Assert.Equal(gen.Count, gen.Select(e => (e.Result.Parameters["fast"], e.Result.Parameters["slow"], e.Result.Parameters["direction"])).Distinct().Count());
        var best = (await cluster.Client.ResultsAsync((await cluster.Client.ListAsync())[0].JobId, top: 1))[0];
        Assert.Equal(best.Metrics, gen[0].Result.Metrics);
    }
}
