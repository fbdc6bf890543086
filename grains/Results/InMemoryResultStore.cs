using System.Runtime.CompilerServices;
using QuantCluster.Contracts;

namespace QuantCluster.Grains.Results;

/// <summary>
/// The results store of the embedded cluster: in memory, gone with the process. Thread-safe; one lock
/// guards everything, and the fence (an item stored once) is the dictionary's key.
/// </summary>
public sealed class InMemoryResultStore : IResultStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, SortedDictionary<long, StoredItem>> _jobs = [];

    public Task<bool> StoreAsync(
        Guid jobId, long itemIndex, IReadOnlyList<string> parameterNames, IReadOnlyList<EvaluationResult> results,
        CancellationToken cancellationToken = default)
    {
        var values = ResultParameters.InOrder(itemIndex, parameterNames, results);
        cancellationToken.ThrowIfCancellationRequested();
        var item = new StoredItem(values, results.Select(r => r.Metrics).ToArray());
        lock (_lock)
        {
            if (!_jobs.TryGetValue(jobId, out var items))
            {
                items = [];
                _jobs.Add(jobId, items);
            }

            return Task.FromResult(items.TryAdd(itemIndex, item));
        }
    }

    public async IAsyncEnumerable<EvaluationResult> ReadAsync(
        Guid jobId, IReadOnlyList<string> parameterNames, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ResultParameters.EnsureDistinct(parameterNames);
        KeyValuePair<long, StoredItem>[] items;
        lock (_lock)
        {
            // Stored items never change, so a copy of the list lets readers run outside the lock.
            items = _jobs.TryGetValue(jobId, out var stored) ? [.. stored] : [];
        }

        foreach (var (itemIndex, item) in items)
        {
            for (int ordinal = 0; ordinal < item.Metrics.Length; ordinal++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new EvaluationResult(
                    itemIndex, ResultParameters.Named(parameterNames, item.Parameters[ordinal], itemIndex), item.Metrics[ordinal]);
            }
        }

        await Task.CompletedTask;
    }

    public Task<StoredResultCounts> CountAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_jobs.TryGetValue(jobId, out var items)
                ? new StoredResultCounts(items.Count, items.Values.Sum(i => (long)i.Metrics.Length))
                : new StoredResultCounts(0, 0));
        }
    }

    private sealed record StoredItem(double[][] Parameters, Metrics[] Metrics);
}
