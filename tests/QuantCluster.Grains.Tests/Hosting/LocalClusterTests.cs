using QuantCluster.Contracts;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Hosting;

public sealed class LocalClusterTests
{
    [Fact]
    public async Task Two_embedded_clusters_run_side_by_side_in_one_process_and_each_completes_its_job()
    {
        await using var first = await LocalCluster.StartAsync(1);
        await using var second = await LocalCluster.StartAsync(1);

        var a = await first.Client.SubmitAsync(SweepSpecs.SmaGrid());
        var b = await second.Client.SubmitAsync(SweepSpecs.SmaGrid(seed: 9));
        var doneA = await first.Client.WaitAsync(a.JobId, TimeSpan.FromMilliseconds(10));
        var doneB = await second.Client.WaitAsync(b.JobId, TimeSpan.FromMilliseconds(10));

        Assert.Equal(JobStatus.Completed, doneA.Status);
        Assert.Equal(JobStatus.Completed, doneB.Status);
        Assert.Equal(doneA.Evaluated, doneB.Evaluated);
        Assert.Null(await second.Client.GetAsync(a.JobId));
    }
}
