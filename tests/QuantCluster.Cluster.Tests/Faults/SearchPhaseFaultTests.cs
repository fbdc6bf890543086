using System.Text.Json.Nodes;
using QuantCluster.Cluster.Tests.Support;
using QuantCluster.Contracts;

namespace QuantCluster.Cluster.Tests.Faults;

/// <summary>
/// The job's own silo killed (SIGKILL) while a genetic search or a walk-forward is under way: the job
/// comes back on another silo from the last phase boundary or checkpoint, and ends with exactly the
/// generations, folds and results an uninterrupted run on the embedded cluster gives.
/// </summary>
public sealed class SearchPhaseFaultTests
{
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ToTheEnd = TimeSpan.FromSeconds(240);

    [ClusterFact]
    public async Task A_genetic_job_whose_silo_is_killed_twice_mid_generation_ends_as_an_uninterrupted_run_does()
    {
        using var sweep = new SmaSweep();
        string[] genetic = [.. sweep.LongArguments, "--optimizer", "genetic", "--population", "1000", "--generations", "10", "--patience", "0", "--seed", "4"];
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 3);
        var quant = new ClusterCommands(db.ConnectionString);
        var job = await quant.SubmitAsync(genetic);

        // Once after the first generation, once after the fourth: each time with items in hand.
        foreach (int generation in new[] { 1, 4 })
        {
            var atKill = await cluster.UntilAsync(job, j => j.Phase >= generation && j.InFlight.Count > 0, Progress, $"generation {generation} under way");
            Assert.False(atKill.IsFinal, "the job ended before its silo could be killed");
            var host = cluster.ProcessOf(atKill.Host);
            host.Kill();
            await cluster.UntilAsync(job, j => !host.Is(j.Host), Progress, "the job on another silo");
        }

        var final = await cluster.UntilAsync(job, j => j.IsFinal, ToTheEnd, "the job to end");
        Assert.True(final.Status == JobStatus.Completed, $"job {final.Status}: {final.Error}\n{cluster.Logs}");
        var shown = await quant.ShowAsync(job);
        var onTheCluster = await quant.ResultsAsync(job);

        var local = await QuantProcess.RunAsync(["sweep", .. genetic, "--workers", "2", "--json", "--out", sweep.File("local.json")]);
        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal(local.Json["generations"]!.ToJsonString(), shown["generations"]!.ToJsonString());
        Assert.Equal(local.Json["evaluations"]!.GetValue<long>(), shown["evaluations"]!.GetValue<long>());
        onTheCluster.AssertEachSetExactlyOnce((int)shown["evaluations"]!.GetValue<long>());
        onTheCluster.AssertSameAs(SweepResults.Read(sweep.File("local.json")), 1e-12);
    }

    [ClusterFact]
    public async Task A_walk_forward_whose_silo_is_killed_mid_fold_ends_with_the_folds_of_an_uninterrupted_run()
    {
        using var sweep = new SmaSweep();
        string[] walkForward = [.. sweep.LongArguments, "--in-sample", "20000", "--out-of-sample", "20000", "--min-trades", "3"];
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        var job = await quant.SubmitWalkForwardAsync(walkForward);

        var atKill = await cluster.UntilAsync(job, j => j.ItemsDone >= 8 && j.InFlight.Count > 0 && DateTimeOffset.UtcNow - j.StartedAt > TimeSpan.FromSeconds(1.5), Progress, "8 items done");
        var host = cluster.ProcessOf(atKill.Host);
        host.Kill();
        await cluster.UntilAsync(job, j => !host.Is(j.Host), Progress, "the job on another silo");
        var final = await cluster.UntilAsync(job, j => j.IsFinal, ToTheEnd, "the job to end");

        Assert.True(final.Status == JobStatus.Completed, $"job {final.Status}: {final.Error}\n{cluster.Logs}");
        Assert.Equal(4, final.Folds.Count);
        var shown = await quant.ShowAsync(job);
        var local = await QuantProcess.RunAsync(["walkforward", .. walkForward, "--workers", "2", "--json"]);
        Assert.True(local.ExitCode == 0, local.ToString());
        foreach (string key in new[] { "folds", "metrics", "efficiency", "stability" })
        {
            Assert.Equal(Canonical(local.Json[key]), Canonical(shown[key]));
        }
    }

    /// <summary>A JSON value without the fields that differ between two runs of one job (none here but per-run ids), as text.</summary>
    private static string Canonical(JsonNode? node) => node?.ToJsonString() ?? "null";
}
