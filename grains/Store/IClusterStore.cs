using QuantCluster.Contracts;

namespace QuantCluster.Grains.Store;

/// <summary>
/// What the grains coordinate through (ARCHITECTURE.md, "The store"): silo membership, jobs with
/// an owner lease and a version (as an Orleans ETag), the queue of work items with leases fenced by
/// attempt numbers, the results, and progress events. Silos share nothing else. Times come from the
/// store's clock, so leases and heartbeats compare instants of one clock per store. Every call is
/// short and independent; an implementation that cannot reach its database throws a
/// <see cref="ClusterStoreException"/> and changes nothing.
/// </summary>
public interface IClusterStore : IAsyncDisposable
{
    /// <summary>Joins the cluster (or rejoins under the same id): active, with a heartbeat now.</summary>
    Task RegisterSiloAsync(SiloRegistration silo, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the silo is alive. False when the silo is unknown, has left, or was declared dead:
    /// its leases may already belong to others, so it must stop working and register again.
    /// </summary>
    Task<bool> HeartbeatAsync(string siloId, CancellationToken cancellationToken = default);

    /// <summary>The active silos, by id.</summary>
    Task<IReadOnlyList<SiloEntry>> ListActiveSilosAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Declares dead every active silo whose last heartbeat is more than <paramref name="timeout"/> old,
    /// and makes their job leases and work-item leases claimable at once. Returns the silos declared
    /// dead. Callers must not call this while they cannot reach the store themselves (Orleans' rule).
    /// </summary>
    Task<IReadOnlyList<string>> DeclareDeadSilosAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Leaves cleanly: the silo is marked as left and gives up its job leases and claimed work items.</summary>
    Task LeaveAsync(string siloId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new pending job, version 1, phase 0, no state and no owner.</summary>
    Task<JobRecord> CreateJobAsync(JobSpec spec, CancellationToken cancellationToken = default);

    /// <summary>The job, or null when there is none with this id.</summary>
    Task<JobRecord?> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Every job, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> ListJobsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the silo the job's owner until now + <paramref name="duration"/>, if the job is pending or
    /// running and nobody else holds an unexpired lease. True when the silo now owns the job.
    /// </summary>
    Task<bool> TryAcquireJobLeaseAsync(Guid jobId, string siloId, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends the silo's lease to now + <paramref name="duration"/>. False when the silo no longer owns the job.</summary>
    Task<bool> RenewJobLeaseAsync(Guid jobId, string siloId, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the job's lease up, if the silo holds it; otherwise does nothing.</summary>
    Task ReleaseJobLeaseAsync(Guid jobId, string siloId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the job's status, phase and state if its version is still <see cref="JobStateUpdate.ExpectedVersion"/>,
    /// and returns the job with its new version.
    /// </summary>
    /// <exception cref="JobVersionConflictException">Someone wrote the job since the caller read it.</exception>
    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    Task<JobRecord> UpdateJobAsync(JobStateUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a pending or running job: its version moves on (so its owner's next write fails and it
    /// rereads) and its work items are no longer claimed. False when the job had already ended.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    Task<bool> CancelJobAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a phase's work items, pending. An item whose index the job already has is left alone, so an
    /// owner that died while expanding a phase can expand it again. Returns how many were new.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such job.</exception>
    Task<int> AddWorkItemsAsync(Guid jobId, IReadOnlyList<NewWorkItem> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxItems"/> items of pending or running jobs that are pending or whose
    /// lease has expired, oldest job first and then by item index, each for <paramref name="lease"/> and
    /// under a new attempt number. Concurrent claimers never receive the same item. An expired lease
    /// counts as a failed attempt (the silo holding it died or hung, perhaps because of the item), so
    /// an item that keeps killing silos is poisoned instead of claimed once it reaches the poison limit.
    /// </summary>
    Task<IReadOnlyList<ClaimedWorkItem>> ClaimWorkItemsAsync(
        string siloId, int maxItems, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes the item and stores its results, atomically, if the claim's attempt still holds it.
    /// Results are stored once per item: a retried call of the same attempt stores nothing again.
    /// </summary>
    /// <exception cref="ArgumentException">A result names another item.</exception>
    Task<CompletionOutcome> CompleteWorkItemAsync(
        ClaimedWorkItem item, IReadOnlyList<EvaluationResult> results, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt with its error: the item is pending again, or poisoned once it has failed
    /// <see cref="ClusterStoreOptions.PoisonLimit"/> times (expired leases included). Lost when the claim
    /// no longer holds the item.
    /// </summary>
    Task<FailureOutcome> FailWorkItemAsync(ClaimedWorkItem item, string error, CancellationToken cancellationToken = default);

    /// <summary>Returns every item the silo holds to pending, without counting a failure (a clean shutdown). Returns how many.</summary>
    Task<int> ReleaseWorkItemsAsync(string siloId, CancellationToken cancellationToken = default);

    /// <summary>The job's work items by state, for progress.</summary>
    Task<WorkItemCounts> CountWorkItemsAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>The job's poisoned items with the error of their last attempt, by item index.</summary>
    Task<IReadOnlyList<PoisonedWorkItem>> ListPoisonedWorkItemsAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The job's stored results of items [<paramref name="fromItem"/>, <paramref name="toItem"/>) (all by default),
    /// by item index and then in the order the item's results were given.
    /// </summary>
    Task<IReadOnlyList<EvaluationResult>> ReadResultsAsync(
        Guid jobId, long fromItem = 0, long toItem = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts listening for progress: from the moment this returns, a job whose last open work item
    /// completes (the end of a phase) announces its id; completions that leave items open announce
    /// nothing, as notifications serialise commits. Events may be dropped or merged, so readers also
    /// poll <see cref="CountWorkItemsAsync"/>.
    /// </summary>
    Task<IJobProgressSubscription> SubscribeToProgressAsync(CancellationToken cancellationToken = default);
}
