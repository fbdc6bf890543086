using QuantCluster.Data.Postgres;
using QuantCluster.Tests.Shared.Postgres;

namespace QuantCluster.Integration.Tests.Support;

internal static class TestDatabaseBarStore
{
    /// <summary>The bar store on the test's own database.</summary>
    public static Task<PostgresBarStore> OpenStoreAsync(this TestDatabase database) => PostgresBarStore.OpenAsync(database.ConnectionString);
}
