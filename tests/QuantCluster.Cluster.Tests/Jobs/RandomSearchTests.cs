using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Jobs;

/// <summary>A random search is a function of its spec and seed, wherever it runs and however it is cut into items.</summary>
public sealed class RandomSearchTests
{
    [ClusterFact]
    public async Task A_random_search_with_the_same_seed_gives_the_same_results_locally_and_on_the_cluster()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        string[] search = [.. sweep.Arguments, "--optimizer", "random", "--samples", "600"];

        var report = await quant.SweepAndWatchAsync([.. search, "--seed", "42", "--out", sweep.File("cluster.json")]);
        var local = await QuantProcess.RunAsync(["sweep", .. search, "--seed", "42", "--workers", "2", "--json", "--out", sweep.File("local.json")]);
        var otherSeed = await QuantProcess.RunAsync(["sweep", .. search, "--seed", "43", "--workers", "2", "--json", "--out", sweep.File("other-seed.json")]);

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.True(otherSeed.ExitCode == 0, otherSeed.ToString());
        Assert.Equal("completed", report["status"]!.GetValue<string>());
        var onTheCluster = SweepResults.Read(sweep.File("cluster.json"));
        onTheCluster.AssertEachSetExactlyOnce(600);
        onTheCluster.AssertSameAs(SweepResults.Read(sweep.File("local.json")), 1e-12);

        // The seed is what makes the two agree: another one draws other sets.
        Assert.False(
            SweepResults.Read(sweep.File("other-seed.json")).Sets.ToHashSet().SetEquals(onTheCluster.Sets),
            "seeds 42 and 43 drew the same sets");
    }
}
