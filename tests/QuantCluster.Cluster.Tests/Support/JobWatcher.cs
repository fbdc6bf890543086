using QuantCluster.Contracts.Jobs;
using QuantCluster.Grains.Hosting;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// An Orleans client of the test's own on the cluster, to read job snapshots cheaply enough to poll
/// (a `quant job show` process per read would cost a second each). Commands a user runs still go
/// through the real quant process (<see cref="ClusterCommands"/>).
/// </summary>
internal sealed class JobWatcher : IAsyncDisposable
{
    private readonly RemoteCluster _cluster;

    private JobWatcher(RemoteCluster cluster) => _cluster = cluster;

    public static async Task<JobWatcher> ConnectAsync(string connectionString) => new(await RemoteCluster.ConnectAsync(connectionString));

    public Task<JobSnapshot> SnapshotAsync(Guid jobId) => _cluster.Client.RequireAsync(jobId);

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
