using QuantCluster.Integration.Tests.Support;

namespace QuantCluster.Integration.Tests.Cli;

/// <summary>The job commands against a cluster's database with no silo running: jobs wait, pending, where everyone can see them.</summary>
public sealed class JobCommandTests
{
    private static string[] Sweep(string db) =>
        ["sweep", "--strategy", "sma_crossover", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), "--grid", "fast=5:30:5", "--grid", "slow=20:60:10", "--db", db];

    [DatabaseFact]
    public async Task A_sweep_submitted_to_a_cluster_is_stored_pending_and_listed()
    {
        await using var db = await TestDatabase.CreateAsync();

        var submit = await QuantProcess.RunAsync([.. Sweep(db.ConnectionString), "--json"]);
        var list = await QuantProcess.RunAsync("job", "list", "--db", db.ConnectionString, "--json");

        Assert.Equal(0, submit.ExitCode);
        string id = submit.Json["job_id"]!.GetValue<string>();
        var job = Assert.Single(list.Json.AsArray())!;
        Assert.Equal(id, (string?)job["job_id"]);
        Assert.Equal("pending", (string?)job["status"]);
        Assert.Equal("sma_crossover", (string?)job["strategy"]);
    }

    [DatabaseFact]
    public async Task Show_finds_a_job_by_a_prefix_of_its_id()
    {
        await using var db = await TestDatabase.CreateAsync();
        string id = (await QuantProcess.RunAsync([.. Sweep(db.ConnectionString), "--json"])).Json["job_id"]!.GetValue<string>();

        var show = await QuantProcess.RunAsync("job", "show", id[..13], "--db", db.ConnectionString, "--json");
        var text = await QuantProcess.RunAsync("job", "show", id, "--db", db.ConnectionString);

        Assert.Equal(0, show.ExitCode);
        Assert.Equal(id, (string?)show.Json["job_id"]);
        Assert.Equal(0, (long)show.Json["items_completed"]!);
        Assert.Contains("not started", text.Output, StringComparison.Ordinal);
        Assert.Contains("maximise sharpe", text.Output, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_pending_job_is_cancelled_once_and_then_says_it_had_ended()
    {
        await using var db = await TestDatabase.CreateAsync();
        string id = (await QuantProcess.RunAsync([.. Sweep(db.ConnectionString), "--json"])).Json["job_id"]!.GetValue<string>();

        var cancel = await QuantProcess.RunAsync("job", "cancel", id, "--db", db.ConnectionString);
        var again = await QuantProcess.RunAsync("job", "cancel", id, "--db", db.ConnectionString);
        var show = await QuantProcess.RunAsync("job", "show", id, "--db", db.ConnectionString, "--json");

        Assert.Equal(0, cancel.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already ended (cancelled)", again.Error, StringComparison.Ordinal);
        Assert.Equal("cancelled", (string?)show.Json["status"]);
    }

    [DatabaseFact]
    public async Task A_refused_sweep_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var run = await QuantProcess.RunAsync(
            "sweep", "--strategy", "rsi_mean_reversion", "--data", RepositoryPaths.MarketFile("EURUSD.csv"), "--db", db.ConnectionString,
            "--grid", "period=2:1000:1", "--grid", "lower=0:100:0.1", "--grid", "upper=0:100:0.1", "--grid", "exit=0:100:0.1");
        await QuantProcess.RunAsync("job", "list", "--db", db.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at most 10,000,000,000", run.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await db.QueryScalarAsync<long>("SELECT count(*) FROM jobs"));
    }

    [DatabaseFact]
    public async Task An_unknown_job_id_is_a_clear_error()
    {
        await using var db = await TestDatabase.CreateAsync();

        var run = await QuantProcess.RunAsync("job", "show", Guid.NewGuid().ToString(), "--db", db.ConnectionString);
        var prefix = await QuantProcess.RunAsync("job", "results", "abcd", "--db", db.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("There is no job", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, prefix.ExitCode);
        Assert.Contains("starts with 'abcd'", prefix.Error, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_strategy_leaderboard_of_a_cluster_without_completed_jobs_says_how_to_fill_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        await QuantProcess.RunAsync([.. Sweep(db.ConnectionString), "--json"]);

        var run = await QuantProcess.RunAsync("strategy", "leaderboard", "sma_crossover", "--db", db.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No completed sma_crossover job", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Job_commands_without_a_database_say_how_to_give_one()
    {
        var run = QuantProcess.Run("job", "show", "abcd1234");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db", run.Error, StringComparison.Ordinal);
    }
}
