using QuantCluster.Contracts;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Store;

public abstract partial class ClusterStoreContract
{
    [StoreFact]
    public async Task Completing_an_item_stores_its_results_with_parameters_and_metrics_including_infinite_ones()
    {
        var (job, item) = await OneClaimedItemAsync();
        var results = SampleJobs.Results(item);

        Assert.Equal(CompletionOutcome.Completed, await Store.CompleteWorkItemAsync(item, results));

        var stored = await Store.ReadResultsAsync(job.JobId);
        Assert.Equal(results.Length, stored.Count);
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(results[i].ItemIndex, stored[i].ItemIndex);
            Assert.Equal(results[i].Parameters, stored[i].Parameters);
            Assert.Equal(results[i].Metrics, stored[i].Metrics);
        }

        Assert.Equal(double.PositiveInfinity, stored[1].Metrics.ProfitFactor);
        Assert.Equal(new WorkItemCounts(0, 0, 1, 0), await Store.CountWorkItemsAsync(job.JobId));
    }

    [StoreFact]
    public async Task Stored_results_do_not_change_when_the_caller_reuses_its_parameter_dictionary()
    {
        var (job, item) = await OneClaimedItemAsync();
        var parameters = new Dictionary<string, double> { ["fast"] = 5 };
        await Store.CompleteWorkItemAsync(item, [new EvaluationResult(item.ItemIndex, parameters, new Metrics { Sharpe = 1 })]);

        parameters["fast"] = 99;

        Assert.Equal(5, Assert.Single(await Store.ReadResultsAsync(job.JobId)).Parameters["fast"]);
    }

    [StoreFact]
    public async Task Results_are_read_by_item_index_whatever_order_the_items_completed_in()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(3));
        var claimed = await Store.ClaimWorkItemsAsync("silo-a", 3, Lease);

        foreach (var item in claimed.Reverse())
        {
            await Store.CompleteWorkItemAsync(item, SampleJobs.Results(item));
        }

        Assert.Equal([0L, 0L, 1L, 1L, 2L, 2L], (await Store.ReadResultsAsync(job.JobId)).Select(r => r.ItemIndex));
    }

    [StoreFact]
    public async Task Results_of_an_item_range_are_read_alone()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(4));
        foreach (var item in await Store.ClaimWorkItemsAsync("silo-a", 4, Lease))
        {
            await Store.CompleteWorkItemAsync(item, SampleJobs.Results(item));
        }

        Assert.Equal([1L, 1L, 2L, 2L], (await Store.ReadResultsAsync(job.JobId, fromItem: 1, toItem: 3)).Select(r => r.ItemIndex));
        Assert.Empty(await Store.ReadResultsAsync(job.JobId, fromItem: 4));
    }

    [StoreFact]
    public async Task A_completion_retried_by_the_same_attempt_stores_its_results_only_once()
    {
        var (job, item) = await OneClaimedItemAsync();
        await Store.CompleteWorkItemAsync(item, SampleJobs.Results(item));

        Assert.Equal(CompletionOutcome.AlreadyCompleted, await Store.CompleteWorkItemAsync(item, SampleJobs.Results(item)));

        Assert.Equal(2, (await Store.ReadResultsAsync(job.JobId)).Count);
    }

    [StoreFact]
    public async Task Concurrent_completions_of_one_claim_store_the_results_once_and_exactly_one_completes()
    {
        var (job, item) = await OneClaimedItemAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Store.CompleteWorkItemAsync(item, SampleJobs.Results(item)))));

        Assert.Equal(1, outcomes.Count(o => o == CompletionOutcome.Completed));
        Assert.All(outcomes.Where(o => o != CompletionOutcome.Completed), o => Assert.Equal(CompletionOutcome.AlreadyCompleted, o));
        Assert.Equal(2, (await Store.ReadResultsAsync(job.JobId)).Count);
    }

    [StoreFact]
    public async Task A_result_naming_another_item_is_refused_and_the_item_stays_claimed()
    {
        var (job, item) = await OneClaimedItemAsync();
        EvaluationResult[] stray = [SampleJobs.Results(item)[0] with { ItemIndex = item.ItemIndex + 1 }];

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CompleteWorkItemAsync(item, stray));

        Assert.Empty(await Store.ReadResultsAsync(job.JobId));
        Assert.Equal(new WorkItemCounts(0, 1, 0, 0), await Store.CountWorkItemsAsync(job.JobId));
    }

    [StoreFact]
    public async Task A_completion_that_leaves_items_open_announces_nothing()
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(2));
        var claimed = await Store.ClaimWorkItemsAsync("silo-a", 2, Lease);
        await using var subscription = await Store.SubscribeToProgressAsync();

        await Store.CompleteWorkItemAsync(claimed[0], SampleJobs.Results(claimed[0]));
        await Task.Delay(200);
        Assert.False(subscription.Jobs.TryRead(out _));

        await Store.CompleteWorkItemAsync(claimed[1], SampleJobs.Results(claimed[1]));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(job.JobId, await subscription.Jobs.ReadAsync(timeout.Token));
    }

    [StoreFact]
    public async Task A_subscriber_hears_the_job_whose_last_open_item_completes()
    {
        await using var subscription = await Store.SubscribeToProgressAsync();
        var (job, item) = await OneClaimedItemAsync();

        await Store.CompleteWorkItemAsync(item, SampleJobs.Results(item));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(job.JobId, await subscription.Jobs.ReadAsync(timeout.Token));
    }

    [StoreFact]
    public async Task A_refused_completion_announces_nothing()
    {
        var (_, first) = await OneClaimedItemAsync();
        Clock.Advance(Lease);
        await Store.ClaimWorkItemsAsync("silo-b", 1, Lease);
        await using var subscription = await Store.SubscribeToProgressAsync();

        await Store.CompleteWorkItemAsync(first, SampleJobs.Results(first));

        await Task.Delay(200);
        Assert.False(subscription.Jobs.TryRead(out _));
    }
}
