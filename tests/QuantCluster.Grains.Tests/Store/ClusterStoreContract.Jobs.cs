using System.Text.Json;
using QuantCluster.Contracts;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Store;

public abstract partial class ClusterStoreContract
{
    [StoreFact]
    public async Task A_created_job_is_pending_at_version_one_and_reads_back_with_its_spec()
    {
        var spec = SampleJobs.Spec(seed: 42);

        var created = await Store.CreateJobAsync(spec);
        var read = await Store.GetJobAsync(created.JobId);

        Assert.NotNull(read);
        Assert.Equal((JobStatus.Pending, 0, null, null, null, 1L), (read.Status, read.Phase, read.State, read.Owner, read.LeaseUntil, read.Version));
        Assert.Equal((Clock.GetUtcNow(), Clock.GetUtcNow()), (read.CreatedAt, read.UpdatedAt));
        Assert.Equal(JsonSerializer.Serialize(spec), JsonSerializer.Serialize(read.Spec));
        Assert.Equal(JsonSerializer.Serialize(created), JsonSerializer.Serialize(read));
    }

    [StoreFact]
    public async Task Reading_a_job_that_does_not_exist_gives_null()
    {
        Assert.Null(await Store.GetJobAsync(Guid.NewGuid()));
    }

    [StoreFact]
    public async Task Jobs_are_listed_oldest_first()
    {
        var first = await Store.CreateJobAsync(SampleJobs.Spec(1));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Store.CreateJobAsync(SampleJobs.Spec(2));

        Assert.Equal([first.JobId, second.JobId], (await Store.ListJobsAsync()).Select(j => j.JobId));
    }

    [StoreFact]
    public async Task An_update_with_the_current_version_writes_status_phase_and_state_and_moves_the_version_on()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        Clock.Advance(TimeSpan.FromSeconds(3));

        var updated = await Store.UpdateJobAsync(new JobStateUpdate(job.JobId, 1, JobStatus.Running, 2, """{"best":1.5}"""));

        Assert.Equal((JobStatus.Running, 2, """{"best":1.5}""", 2L), (updated.Status, updated.Phase, updated.State, updated.Version));
        Assert.Equal(Clock.GetUtcNow(), updated.UpdatedAt);
        Assert.Equal(JsonSerializer.Serialize(updated), JsonSerializer.Serialize(await Store.GetJobAsync(job.JobId)));
    }

    [StoreFact]
    public async Task An_update_with_a_stale_version_fails_saying_which_versions_and_writes_nothing()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.UpdateJobAsync(new JobStateUpdate(job.JobId, 1, JobStatus.Running, 1, "new owner"));

        var error = await Assert.ThrowsAsync<JobVersionConflictException>(
            () => Store.UpdateJobAsync(new JobStateUpdate(job.JobId, 1, JobStatus.Running, 1, "old owner")));

        Assert.Equal((job.JobId, 1L, 2L), (error.JobId, error.ExpectedVersion, error.CurrentVersion));
        Assert.Contains("version 2, not 1", error.Message, StringComparison.Ordinal);
        Assert.Equal("new owner", (await Store.GetJobAsync(job.JobId))!.State);
    }

    [StoreFact]
    public async Task Concurrent_updates_from_the_same_version_let_exactly_one_win()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.UpdateJobAsync(new JobStateUpdate(job.JobId, 1, JobStatus.Running, 0, $"writer {i}"));
                return true;
            }
            catch (JobVersionConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, attempts.Count(won => won));
        Assert.Equal(2, (await Store.GetJobAsync(job.JobId))!.Version);
    }

    [StoreFact]
    public async Task Updating_or_cancelling_a_job_that_does_not_exist_is_a_key_not_found()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(
            () => Store.UpdateJobAsync(new JobStateUpdate(Guid.NewGuid(), 1, JobStatus.Running, 0, null)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.CancelJobAsync(Guid.NewGuid()));
    }

    [StoreFact]
    public async Task A_job_lease_is_exclusive_until_it_expires_and_then_another_silo_takes_it()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        Assert.True(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-a", Lease));
        Assert.Equal(("silo-a", Clock.GetUtcNow() + Lease), ((await Store.GetJobAsync(job.JobId))!.Owner, (await Store.GetJobAsync(job.JobId))!.LeaseUntil));

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.False(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-b", Lease));

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-b", Lease));
        Assert.Equal("silo-b", (await Store.GetJobAsync(job.JobId))!.Owner);
    }

    [StoreFact]
    public async Task The_owner_renews_its_lease_and_a_former_owner_cannot()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-a", Lease);
        Clock.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.True(await Store.RenewJobLeaseAsync(job.JobId, "silo-a", Lease));
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-b", Lease));

        Clock.Advance(Lease);
        Assert.True(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-b", Lease));
        Assert.False(await Store.RenewJobLeaseAsync(job.JobId, "silo-a", Lease));
    }

    [StoreFact]
    public async Task A_released_lease_is_free_for_another_silo_and_a_non_owner_cannot_release_it()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-a", Lease);

        await Store.ReleaseJobLeaseAsync(job.JobId, "silo-b");
        Assert.Equal("silo-a", (await Store.GetJobAsync(job.JobId))!.Owner);

        await Store.ReleaseJobLeaseAsync(job.JobId, "silo-a");
        Assert.True(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-b", Lease));
    }

    [StoreFact]
    public async Task A_finished_job_cannot_be_leased()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.UpdateJobAsync(new JobStateUpdate(job.JobId, 1, JobStatus.Completed, 0, null));

        Assert.False(await Store.TryAcquireJobLeaseAsync(job.JobId, "silo-a", Lease));
        Assert.False(await Store.TryAcquireJobLeaseAsync(Guid.NewGuid(), "silo-a", Lease));
    }

    [StoreFact]
    public async Task Cancelling_a_running_job_moves_its_version_on_so_the_owners_write_fails_and_stops_its_items_being_claimed()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        var running = await Store.UpdateJobAsync(new JobStateUpdate(job.JobId, 1, JobStatus.Running, 0, null));
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(3));

        Assert.True(await Store.CancelJobAsync(job.JobId));

        var cancelled = (await Store.GetJobAsync(job.JobId))!;
        Assert.Equal((JobStatus.Cancelled, running.Version + 1), (cancelled.Status, cancelled.Version));
        await Assert.ThrowsAsync<JobVersionConflictException>(
            () => Store.UpdateJobAsync(new JobStateUpdate(job.JobId, running.Version, JobStatus.Running, 1, null)));
        Assert.Empty(await Store.ClaimWorkItemsAsync("silo-a", 10, Lease));
    }

    [StoreFact]
    public async Task Cancelling_a_finished_job_changes_nothing()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.UpdateJobAsync(new JobStateUpdate(job.JobId, 1, JobStatus.Completed, 0, null));

        Assert.False(await Store.CancelJobAsync(job.JobId));

        var read = (await Store.GetJobAsync(job.JobId))!;
        Assert.Equal((JobStatus.Completed, 2L), (read.Status, read.Version));
    }
}
