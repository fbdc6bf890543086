using QuantCluster.Grains.Store;
using QuantCluster.Grains.Store.Postgres;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Store;

/// <summary>
/// A database that cannot be reached fails every call clearly, naming the server and the operation,
/// so that a silo knows it is cut off (and then declares nobody dead).
/// </summary>
[UsesTestServer]
public sealed class PostgresClusterStoreFailureTests
{
    [Fact]
    public async Task Opening_on_a_closed_port_fails_naming_the_host_the_port_and_the_cause()
    {
        int port = ClosedPort.Find();

        var error = await Assert.ThrowsAsync<ClusterStoreException>(() => PostgresClusterStore.OpenAsync(
            $"Host=127.0.0.1;Port={port};Username=quant;Database=cluster;Timeout=5", TimeProvider.System));

        Assert.StartsWith($"PostgreSQL at 127.0.0.1:{port} (database cluster): the cluster store's opening failed:", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_password_in_the_connection_string_never_appears_in_the_error()
    {
        int port = ClosedPort.Find();

        var error = await Assert.ThrowsAsync<ClusterStoreException>(() => PostgresClusterStore.OpenAsync(
            $"Host=127.0.0.1;Port={port};Username=quant;Password=hunter2;Database=cluster;Timeout=5", TimeProvider.System));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_call_after_the_database_went_away_fails_naming_the_operation_and_the_servers_reason()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var store = await PostgresClusterStore.OpenAsync(database.ConnectionString, TimeProvider.System);
        await store.RegisterSiloAsync(new SiloRegistration("silo-a", "node-1", DateTimeOffset.UtcNow));

        await database.DropAsync();

        var error = await Assert.ThrowsAsync<ClusterStoreException>(() => store.HeartbeatAsync("silo-a"));
        Assert.Contains("the cluster store's heartbeat of silo silo-a failed:", error.Message, StringComparison.Ordinal);
        Assert.Contains("SQLSTATE", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ClusterStoreException>(() => store.DeclareDeadSilosAsync(TimeSpan.FromSeconds(1)));
    }

    [StoreFact]
    public async Task A_progress_subscription_whose_connection_is_lost_ends_with_a_cluster_store_exception()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var store = await PostgresClusterStore.OpenAsync(database.ConnectionString, TimeProvider.System);
        await using var subscription = await store.SubscribeToProgressAsync();

        await database.DropAsync();

        var error = await Assert.ThrowsAsync<ClusterStoreException>(() => subscription.Jobs.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("the cluster store's progress subscription failed:", error.Message, StringComparison.Ordinal);
    }
}
