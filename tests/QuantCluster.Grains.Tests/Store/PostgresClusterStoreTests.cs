using QuantCluster.Grains.Store;
using QuantCluster.Grains.Store.Postgres;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Store;

/// <summary>The store's contract, kept by the PostgreSQL store, each test in a database of its own.</summary>
[UsesTestServer]
public sealed class PostgresClusterStoreTests : ClusterStoreContract
{
    private TestDatabase? _database;

    protected override async Task<IClusterStore> OpenStoreAsync(TimeProvider clock, ClusterStoreOptions options)
    {
        _database = await TestDatabase.CreateAsync();
        return await PostgresClusterStore.OpenAsync(_database.ConnectionString, clock, options);
    }

    protected override async Task CleanUpAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
