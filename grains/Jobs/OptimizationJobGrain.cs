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
/// silo to lay out the job's searches (<see cref="JobSearch"/>: a grid, a random draw, a genetic search's
/// generations, a walk-forward's folds) and cut their phases into items; workers on every silo then
/// claim items, store their results and report back, and the grain folds each item's best into the
/// best so far. A phase that ends starts the next (a generation bred from the last one's scores) and
/// is checkpointed at once; a walk-forward fold that ends is run out of sample here. What
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

    private JobSearch? _search;
    private IGrainTimer? _timer;
    private bool _dirty;

    private OptimizationJobState State => stored.State;

    private Guid JobId => this.GetPrimaryKey();

    private IJobRegistryGrain Registry => GrainFactory.GetGrain<IJobRegistryGrain>(0);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State is { Spec: { } spec, Status: JobStatus.Running, Blocks.Count: > 0 })
        {
            _search = new JobSearch(State, SweepDefinition.From(spec), new WorkLedger(State.ItemCount, State.DoneBelow, State.DoneAbove));
            JobLog.Resumed(logger, JobId, _search.Ledger.Done, State.ItemCount);
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
            _search = JobSearch.Start(State, sweep, evaluator.Bars, options.Value.BarEvaluationsPerItem);
        }
        catch (Exception e) when (e is BarSourceException or StrategyParameterException)
        {
            JobLog.CannotStart(logger, JobId, e.Message);
            ForgetSearch();
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
            ForgetSearch();
            throw;
        }

        State.Status = JobStatus.Running;
        State.StartedAt = now;
        if (options.Value.Reminders)
        {
            await this.RegisterOrUpdateReminder(KeepRunning, ReminderPeriod, ReminderPeriod);
        }

        await stored.WriteStateAsync();
        StartTimer();
        await Registry.AddAsync(Summary());
        var first = State.Blocks[0].Plan;
        JobLog.Started(logger, JobId, first.Positions, _search.Ledger.Total, first.SetsPerItem, State.BarCount);
        return Snapshot();

        // A job that could not start keeps no searches: what JobSearch.Start laid out before it failed goes.
        void ForgetSearch()
        {
            _search = null;
            State.Tracks.Clear();
            State.Blocks.Clear();
        }
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
        if (State.Status != JobStatus.Running || _search is null || _search.Ledger.Claim(silo) is not var (item, attempt))
        {
            return Task.FromResult<WorkAssignment?>(null);
        }

        return Task.FromResult<WorkAssignment?>(_search.Assign(JobId, item, attempt));
    }

    public async Task<WorkAssignment?> CompleteAsync(ItemCompletion completion, bool claimNext)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (State.Status == JobStatus.Running && _search is not null && _search.Ledger.Complete(completion.ItemIndex))
        {
            var ended = _search.Take(completion);
            JobGauges.RecordBest(JobId, _search.Sweep.Objective, State.Best);
            State.Failures.Remove(completion.ItemIndex);
            _dirty = true;
            if (ended is not null)
            {
                await EndPhaseAsync(ended);
            }

            await SettleAsync();
        }

        return claimNext ? await ClaimAsync(completion.Silo) : null;
    }

    public async Task<WorkAssignment?> FailAsync(ItemFailure failure, bool claimNext)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (State.Status == JobStatus.Running && _search is not null)
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
                _search.Ledger.Release(failure.ItemIndex);
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
        JobGauges.Record(JobId, status == JobStatus.Completed ? 1 : _search?.Progress() ?? 0, 0);
        _search?.Ledger.Clear();
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
        await SettleAsync();

        if (State.Status == JobStatus.Running && _search?.Ledger is { } ledger)
        {
            var snapshot = membership.CurrentSnapshot;
            int lost = ledger.ReleaseHeldBy(silo => snapshot.GetSiloStatus(silo) == SiloStatus.Dead);
            if (lost > 0)
            {
                JobLog.Reassigned(logger, JobId, lost);
                State.Reassigned += lost;
                ClusterTelemetry.ItemsReassigned.Add(lost);
                _dirty = true;
                Registry.AnnounceWorkAsync(JobId).Ignore();
            }

            ClusterTelemetry.QueueDepth.Record(ledger.Total - ledger.Done, new KeyValuePair<string, object?>("job.id", JobId.ToString()));
            JobGauges.Record(JobId, _search.Progress(), ledger.InFlight.Count);
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
        if (_search is not null)
        {
            State.DoneBelow = _search.Ledger.DoneBelow;
            State.DoneAbove = [.. _search.Ledger.DoneAbove];
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

    private JobSummary Summary() =>
        new(JobId, State.Spec!.Strategy, State.Spec.Data.Describe(), State.Status, State.CreatedAt);

    private JobSnapshot Snapshot()
    {
        var ledger = _search?.Ledger;
        var (phase, phases) = _search?.Phases() ?? (0, 1);
        return new JobSnapshot
        {
            JobId = JobId,
            Spec = State.Spec!,
            Status = State.Status,
            Phase = phase,
            Phases = phases,
            TotalItems = State.ItemCount,
            ItemsDone = ledger?.Done ?? State.DoneBelow + State.DoneAbove.Count,
            InFlight = ledger?.InFlight.Select(e => new InFlightItem(e.Key, e.Value.Silo.ToParsableString(), e.Value.Attempt)).OrderBy(i => i.ItemIndex).ToArray() ?? [],
            Reassigned = State.Reassigned,
            FailedAttempts = State.FailedAttempts,
            Evaluated = State.Evaluated,
            ExpectedSets = State.Status == JobStatus.Completed || _search is null ? State.Evaluated : _search.ExpectedSets(),
            Progress = State.Status == JobStatus.Completed ? 1 : _search?.Progress() ?? 0,
            BarCount = State.BarCount,
            Best = State.Best,
            Generations = State.Tracks is [{ Genetic: { } genetic }] ? genetic.History : [],
            Folds = State.WalkForward?.Folds ?? [.. State.Tracks.Select(t => t.Result).OfType<FoldResult>()],
            WalkForward = State.WalkForward,
            CreatedAt = State.CreatedAt,
            StartedAt = State.StartedAt,
            FinishedAt = State.FinishedAt,
            Error = State.Error,
            Host = localSilo.SiloAddress.ToParsableString(),
        };
    }

    /// <summary>
    /// After a phase: starts the track's next one, or, for a walk-forward fold whose search is done, runs
    /// its choice out of sample (and once every fold is done, stitches them). Checkpoints at once: a phase
    /// boundary is where a job resumes from.
    /// </summary>
    private async Task EndPhaseAsync(SearchTrack track)
    {
        try
        {
            if (_search!.Advance(track))
            {
                Registry.AnnounceWorkAsync(JobId).Ignore();
            }
        }
        catch (InvalidOperationException e)
        {
            await FinishAsync(JobStatus.Failed, e.Message);
            return;
        }

        if (_search.IsWalkForward && track.Done)
        {
            // Shown while the other folds run; the job's end computes every fold again with the stitch.
            try
            {
                var (bars, settings) = await OutOfSampleInputsAsync();
                track.Result = WalkForwardOutcome.Of(track, _search.Folds(bars)[track.Fold], bars, _search.Sweep, settings).Result;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                JobLog.Deferred(logger, JobId, $"run fold {track.Fold + 1} out of sample", e.Message);
            }
        }

        _dirty = true;
        await CheckpointAsync();
    }

    /// <summary>
    /// Ends a job whose searches are all done: a walk-forward once every fold has run out of sample and
    /// the folds are stitched. Bars that cannot be read now (the bar store is down) are tried again at the
    /// next tick; bars that cannot be read at all fail the job.
    /// </summary>
    private async Task SettleAsync()
    {
        if (State.Status != JobStatus.Running || _search is not { IsDone: true })
        {
            return;
        }

        if (_search.IsWalkForward && State.WalkForward is null)
        {
            try
            {
                await RunOutOfSampleAsync();
            }
            catch (Exception e) when (e is BarSourceException or StrategyParameterException)
            {
                await FinishAsync(JobStatus.Failed, e.Message);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                JobLog.Deferred(logger, JobId, "run its folds out of sample", e.Message);
                return;
            }
        }

        await FinishAsync(JobStatus.Completed, null);
    }

    private async Task RunOutOfSampleAsync()
    {
        var (bars, settings) = await OutOfSampleInputsAsync();
        State.WalkForward = WalkForwardOutcome.Stitch(State.Tracks, _search!.Folds(bars), bars, _search.Sweep, settings);
    }

    /// <summary>The job's whole bars, and its settings with the whole series' periods per year, so every fold annualises alike.</summary>
    private async Task<(Engine.Bars.BarSeries Bars, BacktestSettings Settings)> OutOfSampleInputsAsync()
    {
        var spec = State.Spec!;
        var evaluator = await Task.Run(() => symbols.EvaluatorAsync(spec.Data, spec.Settings));
        return (evaluator.Bars, spec.Settings with { PeriodsPerYear = spec.Settings.PeriodsPerYear ?? evaluator.PeriodsPerYear });
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
        span.SetTag("job.items", State.ItemCount);
        span.SetTag("job.evaluations", State.Evaluated);
        span.SetTag("job.status", State.Status.ToString().ToLowerInvariant());
    }
}
