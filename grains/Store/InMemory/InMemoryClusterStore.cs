using QuantCluster.Contracts;

namespace QuantCluster.Grains.Store.InMemory;

/// <summary>
/// The cluster store in one process, for the embedded local cluster and for tests: the same contract
/// as the PostgreSQL store. Thread-safe: every operation runs under one lock, which is short because
/// nothing inside it waits; progress events are published after the lock is released.
/// </summary>
public sealed class InMemoryClusterStore(TimeProvider clock, ClusterStoreOptions? options = null) : IClusterStore
{
    private readonly Lock _gate = new();
    private readonly ClusterStoreOptions _options = options ?? new ClusterStoreOptions();
    private readonly Dictionary<string, SiloEntry> _silos = [];
    private readonly Dictionary<Guid, JobRecord> _jobs = [];
    private readonly List<Guid> _jobOrder = [];
    private readonly Dictionary<Guid, SortedDictionary<long, StoredWorkItem>> _items = [];

    // The indexes of each job's pending and claimed items, so that a claim late in a big job walks
    // the few open items rather than every completed one (the PostgreSQL store's partial index).
    private readonly Dictionary<Guid, SortedSet<long>> _openItems = [];
    private readonly Dictionary<Guid, SortedDictionary<long, EvaluationResult[]>> _results = [];
    private readonly List<InMemoryProgressSubscription> _subscribers = [];

    public Task RegisterSiloAsync(SiloRegistration silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(silo.SiloId);
        lock (_gate)
        {
            _silos[silo.SiloId] = new SiloEntry(silo.SiloId, silo.Host, silo.StartedAt, clock.GetUtcNow(), SiloStatus.Active);
        }

        return Task.CompletedTask;
    }

    public Task<bool> HeartbeatAsync(string siloId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_silos.TryGetValue(siloId, out var silo) || silo.Status != SiloStatus.Active)
            {
                return Task.FromResult(false);
            }

            _silos[siloId] = silo with { LastHeartbeat = clock.GetUtcNow() };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<SiloEntry>> ListActiveSilosAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SiloEntry> active = _silos.Values
                .Where(s => s.Status == SiloStatus.Active).OrderBy(s => s.SiloId, StringComparer.Ordinal).ToArray();
            return Task.FromResult(active);
        }
    }

    public Task<IReadOnlyList<string>> DeclareDeadSilosAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var dead = _silos.Values
                .Where(s => s.Status == SiloStatus.Active && now - s.LastHeartbeat > timeout)
                .Select(s => s.SiloId).Order(StringComparer.Ordinal).ToArray();
            foreach (var siloId in dead)
            {
                _silos[siloId] = _silos[siloId] with { Status = SiloStatus.Dead };
                DropJobLeases(siloId);

                // Expired now rather than released: the next claim takes them over under a new attempt.
                foreach (var item in ItemsClaimedBy(siloId))
                {
                    item.LeaseUntil = now;
                }
            }

            return Task.FromResult<IReadOnlyList<string>>(dead);
        }
    }

    public Task LeaveAsync(string siloId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_silos.TryGetValue(siloId, out var silo))
            {
                _silos[siloId] = silo with { Status = SiloStatus.Left };
            }

            DropJobLeases(siloId);
            ReleaseItems(siloId);
        }

        return Task.CompletedTask;
    }

    public Task<JobRecord> CreateJobAsync(JobSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var job = new JobRecord(Guid.CreateVersion7(now), spec, JobStatus.Pending, 0, null, null, null, 1, now, now);
            _jobs.Add(job.JobId, job);
            _jobOrder.Add(job.JobId);
            _items.Add(job.JobId, []);
            _openItems.Add(job.JobId, []);
            _results.Add(job.JobId, []);
            return Task.FromResult(job);
        }
    }

    public Task<JobRecord?> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_jobs.GetValueOrDefault(jobId));
        }
    }

    public Task<IReadOnlyList<JobRecord>> ListJobsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<JobRecord> jobs = _jobOrder.Select(id => _jobs[id]).ToArray();
            return Task.FromResult(jobs);
        }
    }

    public Task<bool> TryAcquireJobLeaseAsync(Guid jobId, string siloId, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!_jobs.TryGetValue(jobId, out var job) || !IsLive(job.Status)
                || (job.Owner is not null && job.Owner != siloId && job.LeaseUntil > now))
            {
                return Task.FromResult(false);
            }

            _jobs[jobId] = job with { Owner = siloId, LeaseUntil = now + duration };
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenewJobLeaseAsync(Guid jobId, string siloId, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var job) || job.Owner != siloId)
            {
                return Task.FromResult(false);
            }

            _jobs[jobId] = job with { LeaseUntil = clock.GetUtcNow() + duration };
            return Task.FromResult(true);
        }
    }

    public Task ReleaseJobLeaseAsync(Guid jobId, string siloId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(jobId, out var job) && job.Owner == siloId)
            {
                _jobs[jobId] = job with { Owner = null, LeaseUntil = null };
            }
        }

        return Task.CompletedTask;
    }

    public Task<JobRecord> UpdateJobAsync(JobStateUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var job = Job(update.JobId);
            if (job.Version != update.ExpectedVersion)
            {
                throw new JobVersionConflictException(job.JobId, update.ExpectedVersion, job.Version);
            }

            var updated = job with
            {
                Status = update.Status,
                Phase = update.Phase,
                State = update.State,
                Version = job.Version + 1,
                UpdatedAt = clock.GetUtcNow(),
            };
            _jobs[job.JobId] = updated;
            return Task.FromResult(updated);
        }
    }

    public Task<bool> CancelJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var job = Job(jobId);
            if (!IsLive(job.Status))
            {
                return Task.FromResult(false);
            }

            _jobs[jobId] = job with { Status = JobStatus.Cancelled, Version = job.Version + 1, UpdatedAt = clock.GetUtcNow() };
            return Task.FromResult(true);
        }
    }

    public Task<int> AddWorkItemsAsync(Guid jobId, IReadOnlyList<NewWorkItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            Job(jobId);
            var stored = _items[jobId];
            int added = 0;
            foreach (var item in items)
            {
                if (stored.TryAdd(item.ItemIndex, new StoredWorkItem(jobId, item)))
                {
                    _openItems[jobId].Add(item.ItemIndex);
                    added++;
                }
            }

            return Task.FromResult(added);
        }
    }

    public Task<IReadOnlyList<ClaimedWorkItem>> ClaimWorkItemsAsync(
        string siloId, int maxItems, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siloId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var claimed = new List<ClaimedWorkItem>();
            foreach (var jobId in _jobOrder.Where(id => IsLive(_jobs[id].Status)))
            {
                var open = _openItems[jobId];
                var candidates = open.Select(index => _items[jobId][index]).Where(i => i.IsClaimable(now));
                foreach (var item in candidates.Take(maxItems - claimed.Count).ToArray())
                {
                    if (item.State == WorkItemState.Claimed && item.CountExpiredLease(_options.PoisonLimit))
                    {
                        open.Remove(item.ItemIndex);
                        continue;
                    }

                    item.State = WorkItemState.Claimed;
                    item.ClaimedBy = siloId;
                    item.LeaseUntil = now + lease;
                    item.Attempt++;
                    claimed.Add(new ClaimedWorkItem(jobId, item.ItemIndex, item.Phase, item.Payload, item.Attempt, now + lease));
                }

                if (claimed.Count == maxItems)
                {
                    break;
                }
            }

            return Task.FromResult<IReadOnlyList<ClaimedWorkItem>>(claimed);
        }
    }

    public Task<CompletionOutcome> CompleteWorkItemAsync(
        ClaimedWorkItem item, IReadOnlyList<EvaluationResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ResultsCheck.EnsureAllBelongTo(item, results);
        InMemoryProgressSubscription[] subscribers;
        lock (_gate)
        {
            var stored = Item(item);
            if (stored is null || !stored.IsHeldBy(item))
            {
                return Task.FromResult(stored is { State: WorkItemState.Completed } && stored.Attempt == item.Attempt
                    ? CompletionOutcome.AlreadyCompleted
                    : CompletionOutcome.Lost);
            }

            stored.State = WorkItemState.Completed;
            _openItems[item.JobId].Remove(item.ItemIndex);
            stored.ClaimedBy = null;
            stored.LeaseUntil = null;
            // Copies, as PostgreSQL keeps its own: a caller reusing its dictionaries cannot change stored results.
            _results[item.JobId].TryAdd(
                item.ItemIndex, [.. results.Select(r => r with { Parameters = new Dictionary<string, double>(r.Parameters) })]);
            // As in PostgreSQL: announced when the job's last open item completes, not every item.
            subscribers = _openItems[item.JobId].Count == 0 ? [.. _subscribers] : [];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Publish(item.JobId);
        }

        return Task.FromResult(CompletionOutcome.Completed);
    }

    public Task<FailureOutcome> FailWorkItemAsync(ClaimedWorkItem item, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(error);
        lock (_gate)
        {
            var stored = Item(item);
            if (stored is null || !stored.IsHeldBy(item))
            {
                return Task.FromResult(FailureOutcome.Lost);
            }

            stored.Failures++;
            stored.LastError = error;
            stored.ReturnToPending();
            if (stored.Failures >= _options.PoisonLimit)
            {
                stored.State = WorkItemState.Poisoned;
                _openItems[item.JobId].Remove(item.ItemIndex);
                return Task.FromResult(FailureOutcome.Poisoned);
            }

            return Task.FromResult(FailureOutcome.WillRetry);
        }
    }

    public Task<int> ReleaseWorkItemsAsync(string siloId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(ReleaseItems(siloId));
        }
    }

    public Task<WorkItemCounts> CountWorkItemsAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IEnumerable<StoredWorkItem> items = _items.TryGetValue(jobId, out var stored) ? stored.Values : [];
            long Count(WorkItemState state) => items.LongCount(i => i.State == state);
            return Task.FromResult(new WorkItemCounts(
                Count(WorkItemState.Pending), Count(WorkItemState.Claimed), Count(WorkItemState.Completed), Count(WorkItemState.Poisoned)));
        }
    }

    public Task<IReadOnlyList<PoisonedWorkItem>> ListPoisonedWorkItemsAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IEnumerable<StoredWorkItem> items = _items.TryGetValue(jobId, out var stored) ? stored.Values : [];
            IReadOnlyList<PoisonedWorkItem> poisoned = items
                .Where(i => i.State == WorkItemState.Poisoned)
                .Select(i => new PoisonedWorkItem(jobId, i.ItemIndex, i.Failures, i.LastError ?? ""))
                .ToArray();
            return Task.FromResult(poisoned);
        }
    }

    public Task<IReadOnlyList<EvaluationResult>> ReadResultsAsync(
        Guid jobId, long fromItem = 0, long toItem = long.MaxValue, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<EvaluationResult> results = _results.TryGetValue(jobId, out var byItem)
                ? byItem.Where(r => r.Key >= fromItem && r.Key < toItem).SelectMany(r => r.Value).ToArray()
                : [];
            return Task.FromResult(results);
        }
    }

    public Task<IJobProgressSubscription> SubscribeToProgressAsync(CancellationToken cancellationToken = default)
    {
        var subscription = new InMemoryProgressSubscription(Unsubscribe);
        lock (_gate)
        {
            _subscribers.Add(subscription);
        }

        return Task.FromResult<IJobProgressSubscription>(subscription);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static bool IsLive(JobStatus status) => status is JobStatus.Pending or JobStatus.Running;

    private void Unsubscribe(InMemoryProgressSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    private JobRecord Job(Guid jobId) =>
        _jobs.TryGetValue(jobId, out var job) ? job : throw new KeyNotFoundException($"There is no job {jobId}.");

    private StoredWorkItem? Item(ClaimedWorkItem claim) =>
        _items.TryGetValue(claim.JobId, out var items) ? items.GetValueOrDefault(claim.ItemIndex) : null;

    private IEnumerable<StoredWorkItem> ItemsClaimedBy(string siloId) =>
        _items.Values.SelectMany(items => items.Values).Where(i => i.State == WorkItemState.Claimed && i.ClaimedBy == siloId);

    private void DropJobLeases(string siloId)
    {
        foreach (var job in _jobs.Values.Where(j => j.Owner == siloId).ToArray())
        {
            _jobs[job.JobId] = job with { Owner = null, LeaseUntil = null };
        }
    }

    private int ReleaseItems(string siloId)
    {
        var held = ItemsClaimedBy(siloId).ToArray();
        foreach (var item in held)
        {
            item.ReturnToPending();
        }

        return held.Length;
    }
}
