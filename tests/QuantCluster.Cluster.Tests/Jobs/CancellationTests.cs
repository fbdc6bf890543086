using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Jobs;

/// <summary>`quant job cancel` on a running sweep: nothing more of it is claimed, and what was in hand finishes.</summary>
public sealed class CancellationTests
{
    [ClusterFact]
    public async Task Cancelling_a_running_job_stops_its_progress_within_a_few_seconds_and_leaves_the_rest_undone()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        await using var cluster = await SiloCluster.StartAsync(db.ConnectionString, 2);
        var quant = new ClusterCommands(db.ConnectionString);
        var job = await quant.SubmitAsync(sweep.Arguments);
        await Poll.UntilAsync(() => cluster.Tables.JobAsync(job), j => j.Completed >= 8, TimeSpan.FromSeconds(60), "8 items completed", () => cluster.Logs);

        await quant.CancelAsync(job);
        var atCancel = await cluster.Tables.JobAsync(job);
        var shown = await quant.ShowAsync(job);

        // Progress has stopped when two counts two seconds apart agree and no item is in hand.
        var settled = await Poll.UntilAsync(
            async () =>
            {
                var first = await cluster.Tables.JobAsync(job);
                await Task.Delay(TimeSpan.FromSeconds(2));
                return (First: first, Second: await cluster.Tables.JobAsync(job));
            },
            counts => counts.First.Completed == counts.Second.Completed && counts.Second.Claimed == 0,
            TimeSpan.FromSeconds(15), "the completed count to stop growing", () => cluster.Logs);

        Assert.Equal("cancelled", atCancel.Status);
        Assert.Equal("cancelled", shown["status"]!.GetValue<string>());
        Assert.Equal("cancelled", settled.Second.Status);

        // Each silo's one worker may finish the item it had in hand (or was claiming) when the cancel landed; no more.
        Assert.True(
            settled.Second.Completed <= atCancel.Completed + cluster.Silos.Count,
            $"{settled.Second.Completed} items completed, {atCancel.Completed} when the cancel returned");
        Assert.True(settled.Second.Completed < shown["items_total"]!.GetValue<long>(), $"the whole job ran: {settled.Second}");
    }
}
