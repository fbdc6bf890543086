using QuantCluster.Contracts;

namespace QuantCluster.Grains.Results;

/// <summary>
/// Every evaluated parameter set of every job (ARCHITECTURE.md, "The stores"): one row per (job,
/// parameter set), written a whole work item at a time and at most once per (job, item), so an item
/// redone after its silo died stores nothing twice. PostgreSQL on a cluster, memory in the embedded one;
/// one contract test suite runs against both. A store that cannot reach its database throws a
/// <see cref="ResultStoreException"/> and changes nothing.
/// </summary>
public interface IResultStore
{
    /// <summary>
    /// Stores one work item's results, in the order given, in one transaction. False, with nothing
    /// written, when the job already has results for this item (a redone item).
    /// </summary>
    /// <exception cref="ArgumentException">A result names another item, or has parameters other than <paramref name="parameterNames"/>.</exception>
    Task<bool> StoreAsync(
        Guid jobId, long itemIndex, IReadOnlyList<string> parameterNames, IReadOnlyList<EvaluationResult> results, CancellationToken cancellationToken = default);

    /// <summary>
    /// The job's results by item index and then in the order each item gave them, streamed (a job may hold
    /// billions; nothing is held whole), with their parameters named by <paramref name="parameterNames"/>.
    /// </summary>
    IAsyncEnumerable<EvaluationResult> ReadAsync(Guid jobId, IReadOnlyList<string> parameterNames, CancellationToken cancellationToken = default);

    /// <summary>How many items and parameter sets of the job are stored.</summary>
    Task<StoredResultCounts> CountAsync(Guid jobId, CancellationToken cancellationToken = default);
}
