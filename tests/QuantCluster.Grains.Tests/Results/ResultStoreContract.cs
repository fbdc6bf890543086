using QuantCluster.Contracts;
using QuantCluster.Grains.Results;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Results;

/// <summary>
/// Every behaviour of <see cref="IResultStore"/>, run against each implementation by a subclass that
/// says how to open an empty one (for PostgreSQL, in a database of its own).
/// </summary>
public abstract class ResultStoreContract : IAsyncLifetime
{
    private static readonly string[] Names = SampleResults.ParameterNames;

    protected IResultStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await OpenStoreAsync();

    public async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await CleanUpAsync();
    }

    /// <summary>A new, empty store.</summary>
    protected abstract Task<IResultStore> OpenStoreAsync();

    /// <summary>Whatever the subclass must remove after a test (a database).</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    [StoreFact]
    public async Task Results_are_read_back_by_item_then_in_the_order_stored_with_every_value_exact()
    {
        var job = Guid.NewGuid();
        var later = SampleResults.Item(7, 2, firstSeed: 10);
        var earlier = SampleResults.Item(3, 3);

        Assert.True(await Store.StoreAsync(job, 7, Names, later));
        Assert.True(await Store.StoreAsync(job, 3, Names, earlier));

        ResultAssert.Same([.. earlier, .. later], await ReadAllAsync(job));
    }

    [StoreFact]
    public async Task A_second_store_of_an_item_stores_nothing_returns_false_and_leaves_the_first_results()
    {
        var job = Guid.NewGuid();
        var first = SampleResults.Item(0, 2);

        Assert.True(await Store.StoreAsync(job, 0, Names, first));
        Assert.False(await Store.StoreAsync(job, 0, Names, SampleResults.Item(0, 5, firstSeed: 40)));

        ResultAssert.Same(first, await ReadAllAsync(job));
        Assert.Equal(new StoredResultCounts(1, 2), await Store.CountAsync(job));
    }

    [StoreFact]
    public async Task Concurrent_stores_of_one_item_store_it_exactly_once()
    {
        var job = Guid.NewGuid();
        var attempts = Enumerable.Range(0, 8).Select(a => SampleResults.Item(4, 3, firstSeed: a * 100)).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each attempt waits on its own thread for the start, so that they race as silos would.
        var stores = attempts.Select(results => Task.Run(async () =>
        {
            await start.Task;
            return await Store.StoreAsync(job, 4, Names, results);
        })).ToArray();
        start.SetResult();
        bool[] outcomes = await Task.WhenAll(stores);

        int winner = Assert.Single(Enumerable.Range(0, outcomes.Length), a => outcomes[a]);
        ResultAssert.Same(attempts[winner], await ReadAllAsync(job));
        Assert.Equal(new StoredResultCounts(1, 3), await Store.CountAsync(job));
    }

    [StoreFact]
    public async Task Results_of_other_jobs_are_neither_read_nor_counted()
    {
        var job = Guid.NewGuid();
        var other = Guid.NewGuid();
        var mine = SampleResults.Item(1, 2);
        await Store.StoreAsync(job, 1, Names, mine);
        await Store.StoreAsync(other, 1, Names, SampleResults.Item(1, 3, firstSeed: 50));
        await Store.StoreAsync(other, 2, Names, SampleResults.Item(2, 1));

        ResultAssert.Same(mine, await ReadAllAsync(job));
        Assert.Equal(new StoredResultCounts(1, 2), await Store.CountAsync(job));
        Assert.Empty(await ReadAllAsync(Guid.NewGuid()));
    }

    [StoreFact]
    public async Task Counts_are_the_items_stored_and_the_parameter_sets_they_hold()
    {
        var job = Guid.NewGuid();
        Assert.Equal(new StoredResultCounts(0, 0), await Store.CountAsync(job));

        await Store.StoreAsync(job, 0, Names, SampleResults.Item(0, 4));
        await Store.StoreAsync(job, 1, Names, SampleResults.Item(1, 3));
        Assert.True(await Store.StoreAsync(job, 2, Names, [])); // an item can yield no sets; it is still done

        Assert.Equal(new StoredResultCounts(3, 7), await Store.CountAsync(job));
        Assert.Equal(7, (await ReadAllAsync(job)).Count);
    }

    [StoreFact]
    public async Task A_result_of_another_item_is_refused_and_nothing_is_stored()
    {
        var job = Guid.NewGuid();
        EvaluationResult[] mixed = [SampleResults.Of(5, 0), SampleResults.Of(6, 1)];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.StoreAsync(job, 5, Names, mixed));

        Assert.Contains("item 6", error.Message, StringComparison.Ordinal);
        Assert.Equal(new StoredResultCounts(0, 0), await Store.CountAsync(job));
        Assert.True(await Store.StoreAsync(job, 5, Names, [SampleResults.Of(5, 0)])); // the refusal did not fence the item
    }

    [StoreFact]
    public async Task A_result_whose_parameters_are_not_the_jobs_is_refused_and_nothing_is_stored()
    {
        var job = Guid.NewGuid();
        var metrics = SampleResults.Metrics(0);
        Dictionary<string, double>[] wrong =
        [
            new() { ["fast"] = 1, ["slow"] = 2 }, // one missing
            new() { ["fast"] = 1, ["slow"] = 2, ["stop"] = 3, ["extra"] = 4 }, // one extra
            new() { ["fast"] = 1, ["slow"] = 2, ["Stop"] = 3 }, // one misspelt
        ];

        foreach (var parameters in wrong)
        {
            EvaluationResult[] results = [SampleResults.Of(0, 0), new(0, parameters, metrics)];
            await Assert.ThrowsAsync<ArgumentException>(() => Store.StoreAsync(job, 0, Names, results));
        }

        await Assert.ThrowsAsync<ArgumentException>(() => Store.StoreAsync(job, 0, ["fast", "fast", "stop"], SampleResults.Item(0, 1)));
        Assert.Equal(new StoredResultCounts(0, 0), await Store.CountAsync(job));
    }

    protected async Task<List<EvaluationResult>> ReadAllAsync(Guid job)
    {
        var results = new List<EvaluationResult>();
        await foreach (var result in Store.ReadAsync(job, Names))
        {
            results.Add(result);
        }

        return results;
    }
}
