using QuantCluster.Cluster.Tests.Support;
using QuantCluster.Contracts;

namespace QuantCluster.Cluster.Tests.Jobs;

/// <summary>`quant job ...` and `quant strategy leaderboard` against one real silo, as a user runs them.</summary>
public sealed class JobCommandTests
{
    [ClusterFact]
    public async Task A_submitted_job_is_listed_shown_by_a_prefix_of_its_id_and_ranked_on_its_strategys_leaderboard()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 1);
        var quant = new ClusterCommands(db.ConnectionString);

        var empty = await QuantProcess.RunAsync("strategy", "leaderboard", "sma_crossover", "--db", db.ConnectionString);
        var job = await quant.SubmitAsync(sweep.Arguments);
        var final = await cluster.UntilAsync(job, j => j.IsFinal, TimeSpan.FromSeconds(90), "the job to end");
        var list = await QuantProcess.RunAsync("job", "list", "--db", db.ConnectionString, "--json");
        var show = await QuantProcess.RunAsync("job", "show", job.ToString()[..13], "--db", db.ConnectionString, "--json");
        var text = await QuantProcess.RunAsync("job", "show", job.ToString(), "--db", db.ConnectionString);
        var board = await QuantProcess.RunAsync("strategy", "leaderboard", "sma_crossover", "--top", "3", "--db", db.ConnectionString, "--json");

        Assert.Contains("No completed sma_crossover job", empty.Output, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Completed, final.Status);
        var listed = Assert.Single(list.Json.AsArray())!;
        Assert.Equal(job.ToString(), (string?)listed["job_id"]);
        Assert.Equal("completed", (string?)listed["status"]);
        Assert.Equal(job.ToString(), (string?)show.Json["job_id"]);
        Assert.Equal(SmaSweep.ValidSets, (long)show.Json["evaluations"]!);
        Assert.Contains("maximise sharpe", text.Output, StringComparison.Ordinal);
        Assert.Equal(3, board.Json.AsArray().Count);
        Assert.Equal(final.Best[0].Metrics.Sharpe, (double)board.Json[0]!["metrics"]!["sharpe"]!, 12);
    }

    [ClusterFact]
    public async Task A_running_job_is_cancelled_once_and_then_says_it_had_ended_and_unknown_ids_are_clear_errors()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 1);
        var quant = new ClusterCommands(db.ConnectionString);
        var job = await quant.SubmitAsync(sweep.LongArguments);

        var cancel = await QuantProcess.RunAsync("job", "cancel", job.ToString(), "--db", db.ConnectionString);
        var again = await QuantProcess.RunAsync("job", "cancel", job.ToString(), "--db", db.ConnectionString);
        var unknown = await QuantProcess.RunAsync("job", "show", Guid.NewGuid().ToString(), "--db", db.ConnectionString);
        var prefix = await QuantProcess.RunAsync("job", "results", "abcd", "--db", db.ConnectionString);

        Assert.Equal(0, cancel.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already ended (cancelled)", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no job", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, prefix.ExitCode);
        Assert.Contains("starts with 'abcd'", prefix.Error, StringComparison.Ordinal);
    }
}
