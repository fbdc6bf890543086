using System.Collections.Concurrent;
using QuantCluster.Grains.Store;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// The resolved definitions of the jobs this silo works on, by job id: a spec is read and resolved
/// once per silo, not once per batch (a random search's draws are made once). Jobs never change
/// their spec, so nothing here goes stale; the oldest half is dropped past a few dozen jobs.
/// </summary>
internal sealed class SweepDefinitionCache(IClusterStore store)
{
    private const int Capacity = 64;

    private readonly ConcurrentDictionary<Guid, Lazy<Task<SweepDefinition>>> _definitions = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public async Task<SweepDefinition> GetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var lazy = _definitions.GetOrAdd(jobId, id =>
        {
            _order.Enqueue(id);
            return new Lazy<Task<SweepDefinition>>(() => LoadAsync(id, cancellationToken));
        });
        try
        {
            return await lazy.Value;
        }
        catch
        {
            _definitions.TryRemove(new KeyValuePair<Guid, Lazy<Task<SweepDefinition>>>(jobId, lazy));
            throw;
        }
        finally
        {
            while (_definitions.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _definitions.TryRemove(oldest, out _);
            }
        }
    }

    private async Task<SweepDefinition> LoadAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await store.GetJobAsync(jobId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no job {jobId}.");
        return SweepDefinition.From(job.Spec);
    }
}
