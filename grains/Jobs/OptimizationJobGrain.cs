using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;
using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Contracts.Strategies;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Strategies;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// The OptimizationJob grain (ARCHITECTURE.md, "The grains"). Submitting loads the bars once on this
/// silo to cut the sweep into a <see cref="BatchPlan"/>; workers on every silo then claim items, store
/// their results and report back, and the grain folds each item's best into the best so far. What
/// changed is checkpointed to grain storage every <see cref="JobGrainOptions.CheckInterval"/>, and at
/// the end; the same tick hands out again the items of silos the membership declared dead. A reminder
/// brings the job back on a live silo if this one dies, though a worker's next claim usually does first.
/// </summary>
internal sealed class OptimizationJobGrain(
    [PersistentState("job", GrainStorage.Name)] IPersistentState<OptimizationJobState> stored,
    SymbolCache symbols,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IOptions<JobGrainOptions> options,
    TimeProvider clock,
    ILogger<OptimizationJobGrain> logger) : Grain, IOptimizationJobGrain, IRemindable
{
    private const string KeepRunning = "keep-running";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private WorkLedger? _ledger;
    private SweepDefinition? _sweep;
    private IGrainTimer? _timer;
    private bool _dirty;

    private OptimizationJobState State => stored.State;

    private Guid JobId => this.GetPrimaryKey();

    private IJobRegistryGrain Registry => GrainFactory.GetGrain<IJobRegistryGrain>(0);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State is { Spec: { } spec, Status: JobStatus.Running, Plan: { } plan })
        {
            _sweep = SweepDefinition.From(spec);
            _ledger = new WorkLedger(plan.TotalItems, State.DoneBelow, State.DoneAbove);
            JobLog.Resumed(logger, JobId, _ledger.Done, plan.TotalItems);
            StartTimer();

            // Workers that were waiting on the job's old silo learn that its work is free again; the
            // registry learns of the job, in case its silo died between storing it and telling the registry.
            Registry.AddAsync(Summary()).Ignore();
        }
        else if (State.EndToAnnounce)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await CheckpointAsync();
        }
    }

    public async Task<JobSnapshot> SubmitAsync(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (State.Spec is not null)
        {
            return Snapshot();
        }

        var sweep = SweepDefinition.From(spec);
        var now = clock.GetUtcNow();
        State.Spec = spec;
        State.CreatedAt = now;
        try
        {
            // Loading bars is CPU and I/O work: off the grain's scheduler, which must stay free for calls.
            var evaluator = await Task.Run(() => symbols.EvaluatorAsync(spec.Data, spec.Settings));
            State.BarCount = evaluator.Bars.Count;
        }
        catch (Exception e) when (e is BarSourceException or StrategyParameterException)
        {
            JobLog.CannotStart(logger, JobId, e.Message);
            State.Status = JobStatus.Failed;
            State.Error = e.Message;
            State.FinishedAt = now;
            await stored.WriteStateAsync();
            await Registry.AddAsync(Summary());
            return Snapshot();
        }
        catch
        {
            // The bar store cannot be reached: nothing is stored, and the submitter is told why.
            State.Spec = null;
            throw;
        }

        State.Plan = BatchPlan.For(sweep, State.BarCount, options.Value.BarEvaluationsPerItem);
        State.Status = JobStatus.Running;
        State.StartedAt = now;
        if (options.Value.Reminders)
        {
            await this.RegisterOrUpdateReminder(KeepRunning, ReminderPeriod, ReminderPeriod);
        }

        await stored.WriteStateAsync();
        _sweep = sweep;
        _ledger = new WorkLedger(State.Plan.TotalItems);
        StartTimer();
        await Registry.AddAsync(Summary());
        JobLog.Started(logger, JobId, State.Plan.Positions, State.Plan.TotalItems, State.Plan.SetsPerItem, State.BarCount);
        return Snapshot();
    }

    public Task<JobSnapshot?> GetSnapshotAsync(int best) =>
        Task.FromResult(State.Spec is null ? null : Snapshot() with { Best = State.Best.Count <= best ? State.Best : State.Best[..Math.Max(best, 0)] });

    public async Task<bool> CancelAsync()
    {
        if (State.Spec is null || State.Status is not (JobStatus.Pending or JobStatus.Running))
        {
            return false;
        }

        await FinishAsync(JobStatus.Cancelled, null);
        return true;
    }

    public Task<WorkAssignment?> ClaimAsync(SiloAddress silo)
    {
        if (State.Status != JobStatus.Running || _ledger is null || State.Plan is not { } plan)
        {
            return Task.FromResult<WorkAssignment?>(null);
        }

        if (_ledger.Claim(silo) is not var (item, attempt))
        {
            return Task.FromResult<WorkAssignment?>(null);
        }

        var (start, end) = plan.PositionsOf(item);
        return Task.FromResult<WorkAssignment?>(new WorkAssignment(JobId, item, 0, start, end, attempt, State.Spec!));
    }

    public async Task<WorkAssignment?> CompleteAsync(ItemCompletion completion, bool claimNext)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (State.Status == JobStatus.Running && _ledger is not null && _sweep is not null && _ledger.Complete(completion.ItemIndex))
        {
            State.Evaluated += completion.Sets;
            State.Best = Merge(_sweep, State.Best, completion.Best);
            JobGauges.RecordBest(JobId, _sweep.Objective, State.Best);
            State.Failures.Remove(completion.ItemIndex);
            _dirty = true;
            if (_ledger.IsComplete)
            {
                await FinishAsync(JobStatus.Completed, null);
            }
        }

        return claimNext ? await ClaimAsync(completion.Silo) : null;
    }

    public async Task<WorkAssignment?> FailAsync(ItemFailure failure, bool claimNext)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (State.Status == JobStatus.Running && _ledger is not null)
        {
            JobLog.ItemFailed(logger, failure.ItemIndex, JobId, failure.Attempt, failure.Error);
            State.FailedAttempts++;
            int failures = State.Failures[failure.ItemIndex] = State.Failures.GetValueOrDefault(failure.ItemIndex) + 1;
            _dirty = true;
            if (failures >= options.Value.AttemptsPerItem)
            {
                await FinishAsync(JobStatus.Failed, $"Item {failure.ItemIndex} failed {failures} times: {failure.Error}");
            }
            else
            {
                _ledger.Release(failure.ItemIndex);
            }
        }

        return claimNext ? await ClaimAsync(failure.Silo) : null;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>

        // Being called is the point: it activated the job here. A job that has ended needs no more.
        State.Spec is null || (State.Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled && !State.EndToAnnounce)
            ? ForgetReminderAsync()
            : Task.CompletedTask;

    private async Task FinishAsync(JobStatus status, string? error)
    {
        State.Status = status;
        State.Error = error;
        State.FinishedAt = clock.GetUtcNow();
        State.EndToAnnounce = true;
        JobGauges.Record(JobId, _ledger?.Done ?? 0, State.Plan?.TotalItems ?? 0, 0);
        _ledger?.Clear();
        RecordRunSpan();
        JobLog.Ended(logger, JobId, status, State.Evaluated);
        ClusterTelemetry.QueueDepth.Record(0, new KeyValuePair<string, object?>("job.id", JobId.ToString()));
        _dirty = true;
        await CheckpointAsync();
        await AnnounceEndAsync();
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(options.Value.CheckInterval, options.Value.CheckInterval) { Interleave = false });

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (State.Status == JobStatus.Running && _ledger is not null)
        {
            var snapshot = membership.CurrentSnapshot;
            int lost = _ledger.ReleaseHeldBy(silo => snapshot.GetSiloStatus(silo) == SiloStatus.Dead);
            if (lost > 0)
            {
                JobLog.Reassigned(logger, JobId, lost);
                State.Reassigned += lost;
                ClusterTelemetry.ItemsReassigned.Add(lost);
                _dirty = true;
                Registry.AnnounceWorkAsync(JobId).Ignore();
            }

            ClusterTelemetry.QueueDepth.Record(
                State.Plan!.TotalItems - _ledger.Done, new KeyValuePair<string, object?>("job.id", JobId.ToString()));
            JobGauges.Record(JobId, _ledger.Done, State.Plan.TotalItems, _ledger.InFlight.Count);
        }

        if (_dirty)
        {
            await CheckpointAsync();
        }

        if (State.EndToAnnounce)
        {
            await AnnounceEndAsync();
        }

        if (State.Status != JobStatus.Running && !State.EndToAnnounce && !_dirty)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Writes the state; a failure (the database is down) leaves it to the next tick.</summary>
    private async Task CheckpointAsync()
    {
        if (_ledger is not null)
        {
            State.DoneBelow = _ledger.DoneBelow;
            State.DoneAbove = [.. _ledger.DoneAbove];
        }

        try
        {
            await stored.WriteStateAsync();
            _dirty = false;
        }
        catch (InconsistentStateException e)
        {
            // Another activation wrote the job since this one read it: this one is stale and steps aside.
            JobLog.Deferred(logger, JobId, "checkpoint (another activation owns the job)", e.Message);
            DeactivateOnIdle();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            JobLog.Deferred(logger, JobId, "checkpoint", e.Message);
        }
    }

    /// <summary>Tells the registry (so idle workers stop asking) and, for a completed job, its strategy's leaderboard.</summary>
    private async Task AnnounceEndAsync()
    {
        try
        {
            await Registry.SetStatusAsync(JobId, State.Status);
            if (State.Status == JobStatus.Completed)
            {
                await GrainFactory.GetGrain<IStrategyGrain>(State.Spec!.Strategy).RecordAsync(JobId, StrategyGrain.SymbolOf(State.Spec.Data), State.Best);
            }

            State.EndToAnnounce = false;
            _dirty = true;
            await CheckpointAsync();
            await ForgetReminderAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            JobLog.Deferred(logger, JobId, "announce its end", e.Message);
        }
    }

    private async Task ForgetReminderAsync()
    {
        if (!options.Value.Reminders)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(KeepRunning) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            JobLog.Deferred(logger, JobId, "drop its reminder", e.Message);
        }
    }

    /// <summary>
    /// The best results so far with an item's best: ties keep item order whatever order items completed
    /// in, so the leaderboard is the same however the work was spread.
    /// </summary>
    private static List<EvaluationResult> Merge(SweepDefinition sweep, IReadOnlyList<EvaluationResult> best, IReadOnlyList<EvaluationResult> item) =>
        [.. Leaderboard.Top(sweep.Objective, [.. best.Concat(item).OrderBy(r => r.ItemIndex)], OptimizationJobState.LeaderboardSize)];

    private JobSummary Summary() =>
        new(JobId, State.Spec!.Strategy, State.Spec.Data.Describe(), State.Status, State.CreatedAt);

    private JobSnapshot Snapshot()
    {
        var plan = State.Plan;
        return new JobSnapshot
        {
            JobId = JobId,
            Spec = State.Spec!,
            Status = State.Status,
            Phases = 1,
            TotalItems = plan?.TotalItems ?? 0,
            ItemsDone = _ledger?.Done ?? State.DoneBelow + State.DoneAbove.Count,
            InFlight = _ledger?.InFlight.Select(e => new InFlightItem(e.Key, e.Value.Silo.ToParsableString(), e.Value.Attempt)).OrderBy(i => i.ItemIndex).ToArray() ?? [],
            Reassigned = State.Reassigned,
            FailedAttempts = State.FailedAttempts,
            Evaluated = State.Evaluated,
            ExpectedSets = State.Status == JobStatus.Completed ? State.Evaluated : (long)((plan?.TotalItems ?? 0) * (double)(plan?.SetsPerItem ?? 0)),
            BarCount = State.BarCount,
            Best = State.Best,
            CreatedAt = State.CreatedAt,
            StartedAt = State.StartedAt,
            FinishedAt = State.FinishedAt,
            Error = State.Error,
            Host = localSilo.SiloAddress.ToParsableString(),
        };
    }

    /// <summary>A span for the job's run on the cluster, in the trace the client started when it submitted the job.</summary>
    private void RecordRunSpan()
    {
        ActivityContext.TryParse(State.Spec?.TraceParent, null, out var parent);
        using var span = ClusterTelemetry.Source.StartActivity("job.phase", ActivityKind.Internal, parent, startTime: State.StartedAt ?? State.CreatedAt);
        if (span is null)
        {
            return;
        }

        span.SetTag("job.id", JobId.ToString());
        span.SetTag("job.phase", 0);
        span.SetTag("job.items", State.Plan?.TotalItems ?? 0);
        span.SetTag("job.evaluations", State.Evaluated);
        span.SetTag("job.status", State.Status.ToString().ToLowerInvariant());
    }
}
