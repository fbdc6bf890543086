using QuantCluster.Grains.Store;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Store;

public abstract partial class ClusterStoreContract
{
    private static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(20);

    [StoreFact]
    public async Task A_registered_silo_is_listed_as_active_with_its_host_start_and_heartbeat()
    {
        var started = Clock.GetUtcNow() - TimeSpan.FromMinutes(1);

        await Store.RegisterSiloAsync(new SiloRegistration("silo-b", "node-2", started));
        await Store.RegisterSiloAsync(new SiloRegistration("silo-a", "node-1", started));

        var silos = await Store.ListActiveSilosAsync();
        Assert.Equal(
            [new SiloEntry("silo-a", "node-1", started, Clock.GetUtcNow(), SiloStatus.Active),
             new SiloEntry("silo-b", "node-2", started, Clock.GetUtcNow(), SiloStatus.Active)],
            silos);
    }

    [StoreFact]
    public async Task A_heartbeat_moves_the_silos_last_heartbeat_to_now()
    {
        await Store.RegisterSiloAsync(new SiloRegistration("silo-a", "node-1", Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await Store.HeartbeatAsync("silo-a"));

        Assert.Equal(Clock.GetUtcNow(), Assert.Single(await Store.ListActiveSilosAsync()).LastHeartbeat);
    }

    [StoreFact]
    public async Task A_heartbeat_of_an_unknown_silo_is_refused()
    {
        Assert.False(await Store.HeartbeatAsync("nobody"));
    }

    [StoreFact]
    public async Task A_silo_silent_for_longer_than_the_timeout_is_declared_dead_and_one_within_it_is_not()
    {
        await Store.RegisterSiloAsync(new SiloRegistration("silent", "node-1", Clock.GetUtcNow()));
        await Store.RegisterSiloAsync(new SiloRegistration("alive", "node-2", Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromSeconds(15));
        await Store.HeartbeatAsync("alive");
        Clock.Advance(TimeSpan.FromSeconds(6));

        var dead = await Store.DeclareDeadSilosAsync(DeathTimeout);

        Assert.Equal(["silent"], dead);
        Assert.Equal(["alive"], (await Store.ListActiveSilosAsync()).Select(s => s.SiloId));
        Assert.Empty(await Store.DeclareDeadSilosAsync(DeathTimeout));
    }

    [StoreFact]
    public async Task A_dead_silos_heartbeat_is_refused_until_it_registers_again()
    {
        await Store.RegisterSiloAsync(new SiloRegistration("silo-a", "node-1", Clock.GetUtcNow()));
        Clock.Advance(DeathTimeout + TimeSpan.FromSeconds(1));
        await Store.DeclareDeadSilosAsync(DeathTimeout);

        Assert.False(await Store.HeartbeatAsync("silo-a"));

        await Store.RegisterSiloAsync(new SiloRegistration("silo-a", "node-1", Clock.GetUtcNow()));
        Assert.True(await Store.HeartbeatAsync("silo-a"));
    }

    [StoreFact]
    public async Task A_dead_silos_job_lease_can_be_taken_at_once_though_it_has_not_expired()
    {
        await Store.RegisterSiloAsync(new SiloRegistration("silo-a", "node-1", Clock.GetUtcNow()));
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        Clock.Advance(DeathTimeout + TimeSpan.FromSeconds(1));
        Assert.True(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-a", TimeSpan.FromMinutes(10)));
        Assert.False(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-b", Lease));

        await Store.DeclareDeadSilosAsync(DeathTimeout);

        Assert.True(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-b", Lease));
        Assert.Equal("silo-b", (await Store.GetJobAsync(job.JobId))!.Owner);
    }

    [StoreFact]
    public async Task A_dead_silos_work_items_are_claimable_at_once_and_its_late_completion_is_refused()
    {
        await Store.RegisterSiloAsync(new SiloRegistration("silo-a", "node-1", Clock.GetUtcNow()));
        Clock.Advance(DeathTimeout + TimeSpan.FromSeconds(1));
        var (_, item) = await OneClaimedItemAsync("silo-a");
        Assert.Empty(await Store.ClaimWorkItemsAsync("silo-b", 10, Lease));

        await Store.DeclareDeadSilosAsync(DeathTimeout);
        var takenOver = Assert.Single(await Store.ClaimWorkItemsAsync("silo-b", 10, Lease));

        Assert.Equal((item.ItemIndex, item.Attempt + 1), (takenOver.ItemIndex, takenOver.Attempt));
        Assert.Equal(CompletionOutcome.Lost, await Store.CompleteWorkItemAsync(item, SampleJobs.Results(item)));
        Assert.Equal(CompletionOutcome.Completed, await Store.CompleteWorkItemAsync(takenOver, SampleJobs.Results(takenOver)));
    }

    [StoreFact]
    public async Task A_silo_that_leaves_is_no_longer_listed_and_gives_up_its_job_leases_and_items()
    {
        await Store.RegisterSiloAsync(new SiloRegistration("silo-a", "node-1", Clock.GetUtcNow()));
        var (job, item) = await OneClaimedItemAsync("silo-a");
        Assert.True(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-a", Lease));

        await Store.LeaveAsync("silo-a");

        Assert.Empty(await Store.ListActiveSilosAsync());
        Assert.False(await Store.HeartbeatAsync("silo-a"));
        Assert.Null((await Store.GetJobAsync(job.JobId))!.Owner);
        Assert.Equal(new WorkItemCounts(1, 0, 0, 0), await Store.CountWorkItemsAsync(job.JobId));
        Assert.Equal(item.ItemIndex, Assert.Single(await Store.ClaimWorkItemsAsync("silo-b", 10, Lease)).ItemIndex);
    }
}
