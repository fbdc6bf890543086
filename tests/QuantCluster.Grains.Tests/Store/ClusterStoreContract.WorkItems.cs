using System.Collections.Concurrent;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Store;

public abstract partial class ClusterStoreContract
{
    [StoreFact]
    public async Task Adding_a_phase_again_keeps_the_items_already_there_and_counts_only_the_new_ones()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());

        Assert.Equal(3, await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(3)));
        Assert.Equal(2, await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(5)));

        Assert.Equal(new WorkItemCounts(5, 0, 0, 0), await Store.CountWorkItemsAsync(job.JobId));
    }

    [StoreFact]
    public async Task Adding_items_to_a_job_that_does_not_exist_is_a_key_not_found()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.AddWorkItemsAsync(Guid.NewGuid(), SampleJobs.Ranges(1)));
    }

    [StoreFact]
    public async Task A_claim_takes_pending_items_in_index_order_up_to_the_maximum_with_their_payload_and_a_lease()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(5).Reverse().ToArray());

        var claimed = await Store.ClaimWorkItemsAsync("silo-a", 3, Lease);

        Assert.Equal([0L, 1L, 2L], claimed.Select(c => c.ItemIndex));
        Assert.Equal(new ClaimedWorkItem(job.JobId, 1, 0, """{"start":10,"end":20}""", 1, Clock.GetUtcNow() + Lease), claimed[1]);
        Assert.Equal(new WorkItemCounts(2, 3, 0, 0), await Store.CountWorkItemsAsync(job.JobId));
        Assert.Equal([3L, 4L], (await Store.ClaimWorkItemsAsync("silo-b", 10, Lease)).Select(c => c.ItemIndex));
        Assert.Empty(await Store.ClaimWorkItemsAsync("silo-c", 10, Lease));
    }

    [StoreFact]
    public async Task Concurrent_claimers_never_receive_the_same_item_and_together_take_every_item()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(200));
        var taken = new ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            while (await Store.ClaimWorkItemsAsync($"silo-{worker}", 3, Lease) is { Count: > 0 } claimed)
            {
                foreach (var item in claimed)
                {
                    taken.Add(item.ItemIndex);
                }
            }
        })));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), taken.Order());
    }

    [StoreFact]
    public async Task An_unexpired_lease_is_not_claimed_again()
    {
        await OneClaimedItemAsync("silo-a");
        Clock.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.Empty(await Store.ClaimWorkItemsAsync("silo-b", 10, Lease));
    }

    [StoreFact]
    public async Task An_expired_lease_is_claimed_by_another_worker_under_a_new_attempt_and_the_first_workers_completion_is_refused()
    {
        var (job, first) = await OneClaimedItemAsync("silo-a");
        Clock.Advance(Lease);

        var second = Assert.Single(await Store.ClaimWorkItemsAsync("silo-b", 10, Lease));

        Assert.Equal((first.ItemIndex, 2), (second.ItemIndex, second.Attempt));
        Assert.Equal(CompletionOutcome.Lost, await Store.CompleteWorkItemAsync(first, SampleJobs.Results(first)));
        Assert.Equal(FailureOutcome.Lost, await Store.FailWorkItemAsync(first, "late"));
        Assert.Empty(await Store.ReadResultsAsync(job.JobId));
        Assert.Equal(CompletionOutcome.Completed, await Store.CompleteWorkItemAsync(second, SampleJobs.Results(second)));
        Assert.Equal(2, (await Store.ReadResultsAsync(job.JobId)).Count);
    }

    [StoreFact]
    public async Task A_completion_after_the_lease_expired_is_accepted_while_nobody_took_the_item_over()
    {
        var (job, item) = await OneClaimedItemAsync();
        Clock.Advance(Lease * 2);

        Assert.Equal(CompletionOutcome.Completed, await Store.CompleteWorkItemAsync(item, SampleJobs.Results(item)));
        Assert.Equal(new WorkItemCounts(0, 0, 1, 0), await Store.CountWorkItemsAsync(job.JobId));
    }

    [StoreFact]
    public async Task A_failed_item_is_pending_again_and_its_next_claim_is_a_new_attempt()
    {
        var (job, item) = await OneClaimedItemAsync();

        Assert.Equal(FailureOutcome.WillRetry, await Store.FailWorkItemAsync(item, "bars missing"));

        Assert.Equal(new WorkItemCounts(1, 0, 0, 0), await Store.CountWorkItemsAsync(job.JobId));
        var retry = Assert.Single(await Store.ClaimWorkItemsAsync("silo-b", 10, Lease));
        Assert.Equal(2, retry.Attempt);
        Assert.Empty(await Store.ListPoisonedWorkItemsAsync(job.JobId));
    }

    [StoreFact]
    public async Task An_item_failing_as_often_as_the_poison_limit_is_poisoned_with_its_last_error_kept_and_never_claimed_again()
    {
        var (job, item) = await OneClaimedItemAsync();
        for (int failure = 1; failure < PoisonLimit; failure++)
        {
            Assert.Equal(FailureOutcome.WillRetry, await Store.FailWorkItemAsync(item, $"failure {failure}"));
            item = Assert.Single(await Store.ClaimWorkItemsAsync("silo-a", 10, Lease));
        }

        Assert.Equal(FailureOutcome.Poisoned, await Store.FailWorkItemAsync(item, "division by zero in strategy"));

        Assert.Equal(
            [new PoisonedWorkItem(job.JobId, item.ItemIndex, PoisonLimit, "division by zero in strategy")],
            await Store.ListPoisonedWorkItemsAsync(job.JobId));
        Assert.Equal(new WorkItemCounts(0, 0, 0, 1), await Store.CountWorkItemsAsync(job.JobId));
        Clock.Advance(Lease * 10);
        Assert.Empty(await Store.ClaimWorkItemsAsync("silo-a", 10, Lease));
    }

    [StoreFact]
    public async Task Each_expired_lease_counts_as_a_failed_attempt_and_an_item_that_keeps_expiring_is_poisoned_saying_so()
    {
        var (job, item) = await OneClaimedItemAsync("silo-a");
        for (int expiry = 1; expiry < PoisonLimit; expiry++)
        {
            Clock.Advance(Lease);
            item = Assert.Single(await Store.ClaimWorkItemsAsync($"silo-{expiry}", 10, Lease));
        }

        Clock.Advance(Lease);

        Assert.Empty(await Store.ClaimWorkItemsAsync("silo-z", 10, Lease));
        Assert.Equal(
            [new PoisonedWorkItem(job.JobId, 0, PoisonLimit, $"the lease of attempt {PoisonLimit} by silo-{PoisonLimit - 1} expired")],
            await Store.ListPoisonedWorkItemsAsync(job.JobId));
        Assert.Equal(CompletionOutcome.Lost, await Store.CompleteWorkItemAsync(item, SampleJobs.Results(item)));
    }

    [StoreFact]
    public async Task A_claim_passes_over_an_item_it_poisons_and_takes_the_next()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(1));
        for (int claim = 0; claim < PoisonLimit; claim++)
        {
            await Store.ClaimWorkItemsAsync("silo-a", 1, Lease);
            Clock.Advance(Lease);
        }

        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(2));

        Assert.Equal([1L], (await Store.ClaimWorkItemsAsync("silo-b", 10, Lease)).Select(c => c.ItemIndex));
        Assert.Equal(new WorkItemCounts(0, 1, 0, 1), await Store.CountWorkItemsAsync(job.JobId));
    }

    [StoreFact]
    public async Task A_claim_or_job_lease_of_no_duration_is_an_argument_error()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ClaimWorkItemsAsync("silo-a", 1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ClaimWorkItemsAsync("silo-a", 0, Lease));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.TryAcquireJobLeaseAsync(job.JobId, "silo-a", TimeSpan.Zero));
    }

    [StoreFact]
    public async Task Releasing_a_silos_items_makes_them_pending_without_counting_a_failure()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(3));
        var held = await Store.ClaimWorkItemsAsync("silo-a", 2, Lease);
        await Store.ClaimWorkItemsAsync("silo-b", 1, Lease);

        Assert.Equal(2, await Store.ReleaseWorkItemsAsync("silo-a"));

        Assert.Equal(new WorkItemCounts(2, 1, 0, 0), await Store.CountWorkItemsAsync(job.JobId));
        Assert.Equal(CompletionOutcome.Lost, await Store.CompleteWorkItemAsync(held[0], SampleJobs.Results(held[0])));
        var again = await Store.ClaimWorkItemsAsync("silo-c", 10, Lease);
        Assert.Equal(held.Select(h => h.ItemIndex), again.Select(a => a.ItemIndex));
        foreach (var item in again)
        {
            Assert.Equal(FailureOutcome.WillRetry, await Store.FailWorkItemAsync(item, "one failure is not poison"));
        }
    }
}
