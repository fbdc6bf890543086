using QuantCluster.Cluster.Tests.Support;
using QuantCluster.Contracts;

namespace QuantCluster.Cluster.Tests.Faults;

/// <summary>
/// The database goes away under a running sweep: every session is cut, and for a while no connection
/// is accepted. Orleans' silos keep probing each other directly, so none is declared dead; workers keep
/// their items in hand and retry storing them, the job grain retries its checkpoint. The server is the
/// test's own, as restarting the shared one would break every other suite running against it.
/// </summary>
public sealed class DatabaseRestartTests
{
    /// <summary>Longer than the membership's death timeout (about 2 s with the test timings).</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    [ClusterFact]
    public async Task A_sweep_survives_a_PostgreSQL_restart_mid_job_with_every_result_exactly_once_and_no_silo_declared_dead()
    {
        using var sweep = new SmaSweep();
        await using var server = await PrivatePostgres.StartAsync();
        await using var cluster = await SiloCluster.StartAsync(server.ConnectionString, 2);
        var quant = new ClusterCommands(server.ConnectionString);
        var job = await quant.SubmitAsync(sweep.Arguments);

        var beforeRestart = await cluster.UntilAsync(job, j => j.ItemsDone >= 8, TimeSpan.FromSeconds(60), "8 items done");
        await server.RestartAsync(Outage);
        var final = await cluster.UntilAsync(job, j => j.IsFinal, TimeSpan.FromSeconds(90), "the job to end");

        Assert.True(beforeRestart.Status == JobStatus.Running && beforeRestart.ItemsDone < beforeRestart.TotalItems, "the restart came too late to hit the job");
        Assert.True(final.Status == JobStatus.Completed, $"job {final.Status}: {final.Error}\n{cluster.Logs}");
        Assert.All(cluster.Silos, silo => Assert.False(silo.HasExited, $"{silo.Name} exited:\n{silo.Log}"));
        Assert.Contains("retrying", cluster.Logs, StringComparison.Ordinal);
        (await quant.ResultsAsync(job)).AssertEachSetExactlyOnce(SmaSweep.ValidSets);
        Assert.All((await cluster.Membership.StatusByPortAsync()).Values, status => Assert.Equal(MembershipTable.Active, status));
        Assert.Equal(0, final.Reassigned);
    }
}
