using QuantCluster.Grains.Store;
using QuantCluster.Grains.Store.InMemory;

namespace QuantCluster.Grains.Tests.Store;

/// <summary>The store's contract, kept by the in-memory store of the embedded local cluster.</summary>
public sealed class InMemoryClusterStoreTests : ClusterStoreContract
{
    protected override Task<IClusterStore> OpenStoreAsync(TimeProvider clock, ClusterStoreOptions options) =>
        Task.FromResult<IClusterStore>(new InMemoryClusterStore(clock, options));
}
