using QuantCluster.Cluster.Tests.Support;
using QuantCluster.Contracts;

namespace QuantCluster.Cluster.Tests.Faults;

/// <summary>
/// Silos die without leaving (SIGKILL) in the middle of a sweep: Orleans' membership declares them dead
/// within seconds, the job grain hands their items out again, and when the job's own silo dies the job
/// comes back on another from its last checkpoint. Nothing is lost and nothing is stored twice.
/// </summary>
public sealed class SiloDeathTests
{
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ToTheEnd = TimeSpan.FromSeconds(90);

    [ClusterFact]
    public async Task A_sweep_survives_a_silo_killed_mid_item_with_every_result_exactly_once_and_equal_to_a_local_run()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        var quant = new ClusterCommands(db.ConnectionString);
        SweepResults onTheCluster;
        await using (var cluster = await SiloCluster.StartAsync(db.ConnectionString, 3))
        {
            var job = await quant.SubmitAsync(sweep.Arguments);
            await cluster.UntilAsync(job, j => j.ItemsDone >= 8, Progress, "8 items done");

            // A worker, not the job's silo (the next test kills that one), dies with an item in hand.
            var (killed, held) = await cluster.KillOneHoldingWorkAsync(job);
            var final = await cluster.UntilAsync(job, j => j.IsFinal, ToTheEnd, "the job to end");

            Assert.True(final.Status == JobStatus.Completed, $"job {final.Status}: {final.Error}\n{cluster.Logs}");
            Assert.True(final.Reassigned >= held.Count, $"{held.Count} item(s) were held by the dead silo, {final.Reassigned} handed out again");
            Assert.Equal(MembershipTable.Dead, await cluster.Membership.StatusOfAsync(killed.Port));
            onTheCluster = await quant.ResultsAsync(job);
        }

        onTheCluster.AssertEachSetExactlyOnce(SmaSweep.ValidSets);
        var local = await QuantProcess.RunAsync(["sweep", .. sweep.Arguments, "--workers", "2", "--json", "--out", sweep.File("local.json")]);
        Assert.True(local.ExitCode == 0, local.ToString());
        onTheCluster.AssertSameAs(SweepResults.Read(sweep.File("local.json")), 1e-12);
    }

    [ClusterFact]
    public async Task A_job_whose_silo_is_killed_comes_back_on_another_from_its_checkpoint_with_every_result_exactly_once()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        // The long grid, so the job is still running a checkpoint or two after it started.
        var job = await quant.SubmitAsync(sweep.LongArguments);

        // Past a checkpoint (every second), so the job has something to come back from.
        var atKill = await cluster.UntilAsync(job, j => j.ItemsDone >= 8 && DateTimeOffset.UtcNow - j.StartedAt > TimeSpan.FromSeconds(1.5), Progress, "8 items done");
        var host = cluster.ProcessOf(atKill.Host);
        host.Kill();
        var resumed = await cluster.UntilAsync(job, j => !host.Is(j.Host), ToTheEnd, "the job on another silo");
        var final = await cluster.UntilAsync(job, j => j.IsFinal, TimeSpan.FromSeconds(240), "the job to end");
        var shown = await quant.ShowAsync(job);

        Assert.True(!resumed.IsFinal, "the job had ended before its silo was killed");
        Assert.True(resumed.ItemsDone > 0, $"the job came back from nothing: {resumed.ItemsDone} items done");
        Assert.Equal(MembershipTable.Dead, await cluster.Membership.StatusOfAsync(host.Port));
        Assert.True(final.Status == JobStatus.Completed, $"job {final.Status}: {final.Error}\n{cluster.Logs}");
        Assert.Equal("completed", shown["status"]!.GetValue<string>());
        Assert.Equal(shown["items_total"]!.GetValue<long>(), shown["items_completed"]!.GetValue<long>());
        Assert.Equal(SmaSweep.LongValidSets, shown["evaluations"]!.GetValue<long>());
        (await quant.ResultsAsync(job)).AssertEachSetExactlyOnce(SmaSweep.LongValidSets);
    }

    [ClusterFact]
    public async Task A_silo_stopped_with_SIGTERM_finishes_its_items_and_leaves_cleanly_while_the_job_completes()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        var job = await quant.SubmitAsync(sweep.Arguments);
        var running = await cluster.UntilAsync(job, j => j.ItemsDone >= 4, Progress, "4 items done");

        var leaving = cluster.Silos.First(s => !s.Is(running.Host));
        int exitCode = await leaving.TerminateAsync(TimeSpan.FromSeconds(30));
        var final = await cluster.UntilAsync(job, j => j.IsFinal, ToTheEnd, "the job to end");

        Assert.Equal(0, exitCode);
        Assert.Contains("stopped claiming", leaving.Log, StringComparison.Ordinal);
        // A clean leave finishes what it held: nothing is handed out again, no attempt fails.
        Assert.Equal(0, final.Reassigned);
        Assert.Equal(0, final.FailedAttempts);
        Assert.True(final.Status == JobStatus.Completed, $"job {final.Status}: {final.Error}\n{cluster.Logs}");
        (await quant.ResultsAsync(job)).AssertEachSetExactlyOnce(SmaSweep.ValidSets);
    }
}
