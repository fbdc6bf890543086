using QuantCluster.Grains.Store;
using QuantCluster.Grains.Tests.Support;

namespace QuantCluster.Grains.Tests.Store;

/// <summary>
/// Every behaviour of <see cref="IClusterStore"/>, run against each implementation by a subclass
/// that says how to open one. Each test gets a new store (and, for PostgreSQL, a new database) on a
/// manual clock, so leases and heartbeats expire exactly when a test moves the clock.
/// Split by area into partial files.
/// </summary>
public abstract partial class ClusterStoreContract : IAsyncLifetime
{
    protected const int PoisonLimit = 3;

    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    internal ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    protected IClusterStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await OpenStoreAsync(Clock, new ClusterStoreOptions { PoisonLimit = PoisonLimit });

    public async Task DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        await CleanUpAsync();
    }

    /// <summary>A new, empty store on the given clock.</summary>
    protected abstract Task<IClusterStore> OpenStoreAsync(TimeProvider clock, ClusterStoreOptions options);

    /// <summary>Whatever the subclass must remove after a test (a database).</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private async Task<(JobRecord Job, ClaimedWorkItem Item)> OneClaimedItemAsync(string siloId = "silo-a")
    {
        var job = await Store.CreateJobAsync(SampleJobs.Spec());
        await Store.AddWorkItemsAsync(job.JobId, SampleJobs.Ranges(1));
        var claimed = await Store.ClaimWorkItemsAsync(siloId, 1, Lease);
        return (job, Assert.Single(claimed));
    }
}
