using Orleans.Runtime;

namespace QuantCluster.Contracts.Jobs;

/// <summary>
/// One sweep job (key: the job id). It holds the spec, the plan that cuts the sweep into work items,
/// which items are done, the best results so far and the error, in Orleans grain storage, and a
/// reminder brings it back on a live silo when its own dies. Workers on every silo pull items from it
/// (<see cref="ClaimAsync"/>), store each item's results in the results store, and report back.
/// </summary>
public interface IOptimizationJobGrain : IGrainWithGuidKey
{
    /// <summary>Stores the job and starts it; a second call with the job already stored changes nothing.</summary>
    /// <exception cref="ArgumentException">The spec makes no sense; nothing was stored.</exception>
    Task<JobSnapshot> SubmitAsync(JobSpec spec);

    /// <summary>The job as it stands, with at most <paramref name="best"/> of its best results (watchers need one); null when no job has this id.</summary>
    Task<JobSnapshot?> GetSnapshotAsync(int best);

    /// <summary>Stops handing out work; false when the job had already ended (or never existed).</summary>
    Task<bool> CancelAsync();

    /// <summary>The next item for a worker of <paramref name="silo"/>; null when none is free now.</summary>
    Task<WorkAssignment?> ClaimAsync(SiloAddress silo);

    /// <summary>Records a done item (its results already in the results store) and, when asked, claims the next.</summary>
    Task<WorkAssignment?> CompleteAsync(ItemCompletion completion, bool claimNext);

    /// <summary>Records a failed attempt: the item is tried again, or after three failures the job fails with the error.</summary>
    Task<WorkAssignment?> FailAsync(ItemFailure failure, bool claimNext);
}
