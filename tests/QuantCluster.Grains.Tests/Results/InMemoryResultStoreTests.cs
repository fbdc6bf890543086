using QuantCluster.Grains.Results;

namespace QuantCluster.Grains.Tests.Results;

/// <summary>The results store's contract, kept by the embedded cluster's store in memory.</summary>
public sealed class InMemoryResultStoreTests : ResultStoreContract
{
    protected override Task<IResultStore> OpenStoreAsync() => Task.FromResult<IResultStore>(new InMemoryResultStore());
}
