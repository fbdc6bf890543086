using System.Collections.Concurrent;
using QuantCluster.Contracts;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// The resolved definitions of the jobs this silo works on, by job id: a spec is resolved once per
/// silo, not once per item (a random search's draws are made once). Jobs never change their spec, so
/// nothing goes stale; the oldest are dropped past a few dozen jobs.
/// </summary>
public sealed class SweepDefinitionCache
{
    private const int Capacity = 64;

    private readonly ConcurrentDictionary<Guid, Lazy<SweepDefinition>> _definitions = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public SweepDefinition Get(Guid jobId, JobSpec spec)
    {
        var lazy = _definitions.GetOrAdd(jobId, id =>
        {
            _order.Enqueue(id);
            return new Lazy<SweepDefinition>(() => SweepDefinition.From(spec));
        });
        while (_definitions.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _definitions.TryRemove(oldest, out _);
        }

        return lazy.Value;
    }
}
