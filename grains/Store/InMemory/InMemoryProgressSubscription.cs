using System.Threading.Channels;

namespace QuantCluster.Grains.Store.InMemory;

/// <summary>A reader of the in-memory store's progress events; disposing it unsubscribes.</summary>
internal sealed class InMemoryProgressSubscription(Action<InMemoryProgressSubscription> unsubscribe) : IJobProgressSubscription
{
    // Bounded, so a reader that stops reading cannot grow memory without limit; dropping the oldest
    // events loses nothing that matters, since readers also poll the counts.
    private readonly Channel<Guid> _events = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<Guid> Jobs => _events.Reader;

    public void Publish(Guid jobId) => _events.Writer.TryWrite(jobId);

    public ValueTask DisposeAsync()
    {
        unsubscribe(this);
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
