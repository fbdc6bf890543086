using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Grains.Tests.Cluster;

namespace QuantCluster.Grains.Tests.Registry;

/// <summary>The job registry on its own TestingHost cluster (it is one grain per cluster), with no jobs but those a test adds.</summary>
public sealed class JobRegistryGrainTests(TwoSiloCluster fixture) : IClassFixture<TwoSiloCluster>
{
    private IJobRegistryGrain Registry => fixture.Cluster.Client.GetGrain<IJobRegistryGrain>(0);

    [Fact]
    public async Task A_waiting_worker_wakes_as_soon_as_a_job_is_added_and_sees_it_among_the_running_ones()
    {
        var now = await Registry.WaitForWorkAsync(-1, TimeSpan.Zero);
        var waiting = Registry.WaitForWorkAsync(now.Version, TimeSpan.FromSeconds(20));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        var job = new JobSummary(Guid.CreateVersion7(), "sma_crossover", "test", JobStatus.Running, DateTimeOffset.UtcNow);
        await Registry.AddAsync(job);
        var woken = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotEqual(now.Version, woken.Version);
        Assert.Contains(job.JobId, woken.JobIds);
    }

    [Fact]
    public async Task A_wait_with_nothing_changing_returns_after_its_time_with_the_same_version()
    {
        var now = await Registry.WaitForWorkAsync(-1, TimeSpan.Zero);

        var later = await Registry.WaitForWorkAsync(now.Version, TimeSpan.FromMilliseconds(200));

        Assert.Equal(now.Version, later.Version);
    }

    [Fact]
    public async Task Ended_jobs_are_listed_but_are_not_running_and_the_list_is_oldest_first()
    {
        var older = new JobSummary(Guid.CreateVersion7(), "sma_crossover", "a", JobStatus.Running, DateTimeOffset.UtcNow.AddMinutes(-5));
        var newer = new JobSummary(Guid.CreateVersion7(), "ema_crossover", "b", JobStatus.Running, DateTimeOffset.UtcNow);
        await Registry.AddAsync(newer);
        await Registry.AddAsync(older);

        await Registry.SetStatusAsync(newer.JobId, JobStatus.Completed);
        var listed = (await Registry.ListAsync()).Where(j => j.JobId == older.JobId || j.JobId == newer.JobId).ToArray();
        var running = await Registry.WaitForWorkAsync(-1, TimeSpan.Zero);

        Assert.Equal([older.JobId, newer.JobId], listed.Select(j => j.JobId));
        Assert.Equal(JobStatus.Completed, listed[1].Status);
        Assert.Contains(older.JobId, running.JobIds);
        Assert.DoesNotContain(newer.JobId, running.JobIds);
    }
}
