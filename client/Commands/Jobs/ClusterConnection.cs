using QuantCluster.Contracts;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Hosting;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>The cluster a command talks to: silos found through a PostgreSQL membership table, or the embedded local cluster in this process.</summary>
internal sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IAsyncDisposable _owned;

    private ClusterConnection(JobClient client, IAsyncDisposable owned, bool isLocal)
    {
        Client = client;
        _owned = owned;
        IsLocal = isLocal;
    }

    public JobClient Client { get; }

    /// <summary>Whether the jobs live in this process (and end with it).</summary>
    public bool IsLocal { get; }

    /// <summary>How often a watcher looks at a job: in-process calls cost microseconds, calls to a silo a round trip.</summary>
    public TimeSpan WatchInterval => IsLocal ? TimeSpan.FromMilliseconds(10) : TimeSpan.FromMilliseconds(250);

    public static async Task<ClusterConnection> OpenAsync(string connectionString)
    {
        var cluster = await RemoteCluster.ConnectAsync(connectionString);
        return new ClusterConnection(cluster.Client, cluster, isLocal: false);
    }

    /// <summary>Starts the embedded cluster, loading the bars of <paramref name="spec"/> meanwhile.</summary>
    public static async Task<ClusterConnection> StartLocalAsync(int workers, JobSpec spec)
    {
        var cluster = await LocalCluster.StartAsync(workers, (spec.Data, spec.Settings));
        return new ClusterConnection(cluster.Client, cluster, isLocal: true);
    }

    public ValueTask DisposeAsync() => _owned.DisposeAsync();
}
