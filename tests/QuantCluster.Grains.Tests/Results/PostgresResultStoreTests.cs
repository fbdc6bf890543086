using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Results;
using QuantCluster.Grains.Results.Postgres;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Results;

/// <summary>The results store's contract, kept by the PostgreSQL store, each test in a database of its own with the cluster's schema.</summary>
[UsesTestServer]
public sealed class PostgresResultStoreTests : ResultStoreContract
{
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("The store is not open.");

    protected override async Task<IResultStore> OpenStoreAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await ClusterSchema.ApplyAsync(_database.ConnectionString);
        return await PostgresResultStore.OpenAsync(_database.ConnectionString);
    }

    protected override async Task CleanUpAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [StoreFact]
    public async Task Metrics_are_columns_of_their_own_that_SQL_can_rank_with_infinities_and_NaN_kept()
    {
        var job = Guid.NewGuid();
        await Store.StoreAsync(job, 0, SampleResults.ParameterNames, SampleResults.Item(0, 3));

        Assert.Equal(3L, await Database.QueryScalarAsync<long>(
            "SELECT count(*) FROM sweep_results WHERE sharpe = 'Infinity' AND sortino = '-Infinity' AND max_drawdown = 'NaN'"));
        Assert.Equal(2, await Database.QueryScalarAsync<int>(
            "SELECT ordinal FROM sweep_results ORDER BY profit_factor DESC LIMIT 1"));
        Assert.Equal(22.0, await Database.QueryScalarAsync<double>(
            "SELECT parameters[2] FROM sweep_results WHERE ordinal = 2")); // in the job's order: fast, slow, stop
    }

    [StoreFact]
    public async Task A_reader_that_stops_early_leaves_its_connection_fit_for_the_next_call()
    {
        var job = Guid.NewGuid();
        var names = SampleResults.ParameterNames;
        for (int item = 0; item < 3; item++)
        {
            await Store.StoreAsync(job, item, names, SampleResults.Item(item, 5_000));
        }

        // One connection in the pool, so the next calls get the very one whose query was cut short.
        await using var store = await PostgresResultStore.OpenAsync(Database.ConnectionString + ";Maximum Pool Size=1");
        await foreach (var first in store.ReadAsync(job, names))
        {
            Assert.Equal(0, first.ItemIndex);
            break;
        }

        Assert.Equal(new StoredResultCounts(3, 15_000), await store.CountAsync(job));
        Assert.Equal(15_000, await store.ReadAsync(job, names).CountAsync());
        Assert.True(await store.StoreAsync(job, 3, names, SampleResults.Item(3, 1)));
    }

    [StoreFact]
    public async Task A_call_after_the_database_went_away_fails_naming_the_server_and_the_operation()
    {
        var job = Guid.NewGuid();
        await Database.DropAsync();

        var store = await Assert.ThrowsAsync<ResultStoreException>(() => Store.StoreAsync(job, 2, SampleResults.ParameterNames, SampleResults.Item(2, 1)));
        Assert.StartsWith("PostgreSQL at ", store.Message, StringComparison.Ordinal);
        Assert.Contains($"the results store's storing of item 2 of job {job} failed:", store.Message, StringComparison.Ordinal);

        var read = await Assert.ThrowsAsync<ResultStoreException>(() => ReadAllAsync(job));
        Assert.Contains($"the results store's reading of job {job}'s results failed:", read.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ResultStoreException>(() => Store.CountAsync(job));
    }
}
