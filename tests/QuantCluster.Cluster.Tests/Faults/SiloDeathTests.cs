using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Faults;

/// <summary>
/// Silos die without leaving (SIGKILL) in the middle of a sweep: the others declare them dead after
/// 3 s of silence, take over their work items (fenced by attempt) and, for the owner, the job itself
/// from its last persisted phase. Nothing is lost and nothing is stored twice.
/// </summary>
public sealed class SiloDeathTests
{
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ToTheEnd = TimeSpan.FromSeconds(90);

    [ClusterFact]
    public async Task A_sweep_survives_a_silo_killed_mid_sweep_with_every_result_exactly_once_and_equal_to_a_local_run()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        var quant = new ClusterCommands(db.ConnectionString);
        SweepResults onTheCluster;
        await using (var cluster = await SiloCluster.StartAsync(db.ConnectionString, 3))
        {
            var job = await quant.SubmitAsync(sweep.Arguments);
            var running = await Poll.UntilAsync(
                () => cluster.Tables.JobAsync(job), j => j.Completed >= 8, Progress, "8 items completed", () => cluster.Logs);

            // A worker, not the owner (the next test kills the owner), dies with an item in hand.
            var killed = await cluster.KillOneHoldingWorkAsync(silo => silo != running.Owner);
            var final = await Poll.UntilAsync(() => cluster.Tables.JobAsync(job), j => j.HasEnded, ToTheEnd, "the job to end", () => cluster.Logs);

            Assert.True(final.Status == "completed", $"job {final}\n{cluster.Logs}");
            Assert.Equal("dead", await cluster.Tables.SiloStatusAsync(killed.SiloId));
            foreach (var held in killed.Held)
            {
                // Redone by another silo under a later attempt; the dead silo's attempt is on record as expired.
                var item = await cluster.Tables.WorkItemAsync(held.JobId, held.ItemIndex);
                Assert.Equal("completed", item.State);
                Assert.True(item.Attempt > held.Attempt, $"item {held.ItemIndex} was not claimed again: {item}");
                Assert.Contains(killed.SiloId, item.LastError ?? "", StringComparison.Ordinal);
            }

            onTheCluster = await quant.ResultsAsync(job);
        }

        onTheCluster.AssertEachSetExactlyOnce(SmaSweep.ValidSets);
        var local = await QuantProcess.RunAsync(["sweep", .. sweep.Arguments, "--workers", "2", "--json", "--out", sweep.File("local.json")]);
        Assert.True(local.ExitCode == 0, local.ToString());
        onTheCluster.AssertSameAs(SweepResults.Read(sweep.File("local.json")), 1e-12);
    }

    [ClusterFact]
    public async Task A_job_whose_owner_is_killed_between_phases_is_resumed_by_another_silo_with_every_result_exactly_once()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        var job = await quant.SubmitAsync(sweep.Arguments);

        var atKill = await Poll.UntilAsync(
            () => cluster.Tables.JobAsync(job), j => j.Phase >= 1 && j.Owner is not null, Progress, "the job's second phase", () => cluster.Logs);
        string owner = atKill.Owner!;
        cluster.ProcessOf(owner).Kill();
        var takenOver = await Poll.UntilAsync(
            () => cluster.Tables.JobAsync(job), j => (j.Owner is not null && j.Owner != owner) || j.HasEnded, ToTheEnd, "a new owner", () => cluster.Logs);
        var final = await Poll.UntilAsync(() => cluster.Tables.JobAsync(job), j => j.HasEnded, ToTheEnd, "the job to end", () => cluster.Logs);
        var shown = await quant.ShowAsync(job);

        Assert.True(takenOver.Owner is not null && takenOver.Owner != owner, $"the job ended without a new owner: {takenOver}");
        Assert.True(takenOver.Phase >= atKill.Phase, $"the new owner went back from phase {atKill.Phase} to {takenOver.Phase}");
        Assert.Equal("dead", await cluster.Tables.SiloStatusAsync(owner));
        Assert.True(final.Status == "completed", $"job {final}\n{cluster.Logs}");
        Assert.Equal("completed", shown["status"]!.GetValue<string>());
        Assert.True(shown["items_total"]!.GetValue<long>() >= 2 * SiloCluster.ItemsPerPhase, $"too few items for several phases: {shown}");
        Assert.Equal(shown["items_total"]!.GetValue<long>(), shown["items_completed"]!.GetValue<long>());
        Assert.Equal(SmaSweep.ValidSets, shown["evaluations"]!.GetValue<long>());
        (await quant.ResultsAsync(job)).AssertEachSetExactlyOnce(SmaSweep.ValidSets);
    }

    [ClusterFact]
    public async Task A_silo_stopped_with_SIGTERM_finishes_its_items_and_leaves_cleanly_while_the_job_completes()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        var job = await quant.SubmitAsync(sweep.Arguments);
        var running = await Poll.UntilAsync(
            () => cluster.Tables.JobAsync(job), j => j.Completed >= 4 && j.Owner is not null, Progress, "4 items completed", () => cluster.Logs);

        string leaving = (await cluster.Tables.ActiveSilosAsync()).First(id => id != running.Owner);
        int exitCode = await cluster.ProcessOf(leaving).TerminateAsync(TimeSpan.FromSeconds(30));
        var final = await Poll.UntilAsync(() => cluster.Tables.JobAsync(job), j => j.HasEnded, ToTheEnd, "the job to end", () => cluster.Logs);

        Assert.Equal(0, exitCode);
        Assert.Equal("left", await cluster.Tables.SiloStatusAsync(leaving));
        // A clean leave completes or hands back what it held: no attempt is written off as failed.
        Assert.Equal(0, await cluster.Tables.FailedAttemptsAsync(job));
        Assert.True(final.Status == "completed", $"job {final}\n{cluster.Logs}");
        (await quant.ResultsAsync(job)).AssertEachSetExactlyOnce(SmaSweep.ValidSets);
    }
}
