using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Cli;

/// <summary>
/// The job commands against a cluster's database with no silo running: a sweep cannot be submitted, and
/// says so in one line; an absurd sweep is refused before anything is touched. (The commands against
/// running silos are in the cluster tests.)
/// </summary>
public sealed class JobCommandTests
{
    private static string[] Sweep(string db) =>
        ["sweep", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), "--grid", "fast=5:30:5", "--grid", "slow=20:60:10", "--db", db];

    [DatabaseFact]
    public async Task Commands_against_a_cluster_with_no_silo_running_say_so_in_one_line()
    {
        await using var db = await TestDatabase.CreateAsync();

        var submit = await QuantProcess.RunAsync([.. Sweep(db.ConnectionString), "--json"]);
        var list = await QuantProcess.RunAsync("job", "list", "--db", db.ConnectionString);

        foreach (var run in new[] { submit, list })
        {
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("No silo of cluster 'quant' answers", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            Assert.Empty(run.Output);
        }
    }

    [DatabaseFact]
    public async Task A_refused_sweep_touches_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var run = await QuantProcess.RunAsync(
            "sweep", "--strategy", "rsi_mean_reversion", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), "--db", db.ConnectionString,
            "--grid", "period=2:1000:1", "--grid", "lower=0:100:0.1", "--grid", "upper=0:100:0.1", "--grid", "exit=0:100:0.1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at most 10,000,000,000", run.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public void Job_commands_without_a_database_say_how_to_give_one()
    {
        var run = QuantProcess.Run("job", "show", "abcd1234");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db", run.Error, StringComparison.Ordinal);
    }
}
