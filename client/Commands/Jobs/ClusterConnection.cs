using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Silos;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Store.Postgres;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>The cluster a command talks to: a PostgreSQL-coordinated cluster of silos, or the embedded local cluster in this process.</summary>
internal sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IAsyncDisposable _owned;

    private ClusterConnection(ClusterClient client, IAsyncDisposable owned, bool isLocal)
    {
        Client = client;
        _owned = owned;
        IsLocal = isLocal;
    }

    public ClusterClient Client { get; }

    /// <summary>Whether the jobs live in this process (and end with it).</summary>
    public bool IsLocal { get; }

    public static async Task<ClusterConnection> OpenAsync(string connectionString)
    {
        IClusterStore store = await PostgresClusterStore.OpenAsync(connectionString, TimeProvider.System);
        return new ClusterConnection(new ClusterClient(store, TimeProvider.System), store, isLocal: false);
    }

    public static async Task<ClusterConnection> StartLocalAsync(int workers)
    {
        var cluster = await LocalCluster.StartAsync(workers, TimeProvider.System);
        return new ClusterConnection(cluster.Client, cluster, isLocal: true);
    }

    public ValueTask DisposeAsync() => _owned.DisposeAsync();
}
