using QuantCluster.Cluster.Tests.Support;
using QuantCluster.Contracts;

namespace QuantCluster.Cluster.Tests.Jobs;

/// <summary>`quant job cancel` on a running sweep: nothing more of it is handed out, and what was in hand finishes.</summary>
public sealed class CancellationTests
{
    [ClusterFact]
    public async Task Cancelling_a_running_job_stops_its_progress_at_once_and_leaves_the_rest_undone()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        // The long grid: the short one can end before a quant process has even started to cancel it.
        var job = await quant.SubmitAsync(sweep.LongArguments);
        await cluster.UntilAsync(job, j => j.ItemsDone >= 8, TimeSpan.FromSeconds(60), "8 items done");

        await quant.CancelAsync(job);
        var atCancel = await cluster.Jobs.SnapshotAsync(job);
        var shown = await quant.ShowAsync(job);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var later = await cluster.Jobs.SnapshotAsync(job);

        Assert.Equal(JobStatus.Cancelled, atCancel.Status);
        Assert.Equal("cancelled", shown["status"]!.GetValue<string>());
        Assert.Empty(later.InFlight);
        Assert.Equal(atCancel.ItemsDone, later.ItemsDone);
        Assert.True(later.ItemsDone < later.TotalItems, $"the whole job ran: {later.ItemsDone} of {later.TotalItems}");
    }
}
