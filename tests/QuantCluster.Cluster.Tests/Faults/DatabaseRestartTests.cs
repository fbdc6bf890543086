using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Faults;

/// <summary>
/// The database goes away under a running sweep: every session is cut, in-flight claims and
/// completions fail, and for a while no connection is accepted. Silos retry with backoff and carry
/// on; a completion that failed is retried under its lease, never stored twice. The server is the
/// test's own, as restarting the shared one would break every other suite running against it.
/// </summary>
public sealed class DatabaseRestartTests
{
    /// <summary>Longer than the silos' dead-silo timeout (3 s): when the server is back, every heartbeat in it is stale.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    [ClusterFact]
    public async Task A_sweep_survives_a_PostgreSQL_restart_mid_job_with_every_result_exactly_once_and_no_silo_declared_dead()
    {
        using var sweep = new SmaSweep();
        await using var server = await PrivatePostgres.StartAsync();
        await using var cluster = await SiloCluster.StartAsync(server.ConnectionString, 2);
        var quant = new ClusterCommands(server.ConnectionString);
        var job = await quant.SubmitAsync(sweep.Arguments);

        var beforeRestart = await Poll.UntilAsync(
            () => cluster.Tables.JobAsync(job), j => j.Completed >= 8, TimeSpan.FromSeconds(60), "8 items completed", () => cluster.Logs);
        await server.RestartAsync(Outage);
        var final = await Poll.UntilAsync(
            () => cluster.Tables.JobAsync(job), j => j.HasEnded, TimeSpan.FromSeconds(90), "the job to end", () => cluster.Logs);

        Assert.True(beforeRestart.Status == "running", $"the restart came too late to hit the job: {beforeRestart}");
        Assert.True(final.Status == "completed", $"job {final}\n{cluster.Logs}");
        Assert.All(cluster.Silos, silo =>
        {
            Assert.False(silo.HasExited, $"{silo.Name} exited:\n{silo.Log}");
            Assert.Contains("cannot reach the store", silo.Log, StringComparison.Ordinal);
        });
        (await quant.ResultsAsync(job)).AssertEachSetExactlyOnce(SmaSweep.ValidSets);

        // Nobody could heartbeat while the server was down, so a heartbeat that went stale then says
        // nothing about a silo: none is declared dead for it, and no item's attempt is written off.
        Assert.Equal(0, await cluster.Tables.FailedAttemptsAsync(job));
        Assert.DoesNotContain("declared dead", cluster.Logs, StringComparison.Ordinal);
    }
}
