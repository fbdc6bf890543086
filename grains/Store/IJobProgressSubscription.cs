using System.Threading.Channels;

namespace QuantCluster.Grains.Store;

/// <summary>
/// Progress events: the id of a job each time one of its work items completes. Dispose to stop
/// listening. If the store loses the connection it listens on, <see cref="ChannelReader{T}.Completion"/>
/// faults with a <see cref="ClusterStoreException"/> (and reads throw): subscribe again or poll.
/// </summary>
public interface IJobProgressSubscription : IAsyncDisposable
{
    ChannelReader<Guid> Jobs { get; }
}
