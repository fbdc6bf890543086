using QuantCluster.Cluster.Tests.Support;
using QuantCluster.Contracts;

namespace QuantCluster.Cluster.Tests.Jobs;

/// <summary>A silo that joins a running cluster takes work from the jobs already running, without being told of them.</summary>
public sealed class ScaleOutTests
{
    [ClusterFact]
    public async Task A_third_silo_started_mid_job_takes_work_items_and_the_job_completes_exactly_once()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        var job = await quant.SubmitAsync(sweep.LongArguments);
        await cluster.UntilAsync(job, j => j.ItemsDone >= 4, TimeSpan.FromSeconds(60), "4 items done");

        var third = await cluster.AddSiloAsync();
        var working = await cluster.UntilAsync(
            job, j => j.IsFinal || j.InFlight.Any(i => third.Is(i.Silo)), TimeSpan.FromSeconds(30), $"{third.Name} to hold an item");
        var final = await cluster.UntilAsync(job, j => j.IsFinal, TimeSpan.FromSeconds(240), "the job to end");

        Assert.True(working.InFlight.Any(i => third.Is(i.Silo)), $"the job ended before {third.Name} took an item:\n{cluster.Logs}");
        Assert.Equal(JobStatus.Completed, final.Status);
        (await quant.ResultsAsync(job)).AssertEachSetExactlyOnce(SmaSweep.LongValidSets);
    }
}
