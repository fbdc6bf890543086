using System.Threading.Channels;

namespace QuantCluster.Grains.Store;

/// <summary>Progress events: the id of a job each time one of its work items completes. Dispose to stop listening.</summary>
public interface IJobProgressSubscription : IAsyncDisposable
{
    ChannelReader<Guid> Jobs { get; }
}
