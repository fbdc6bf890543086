using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QuantCluster.Contracts;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// The OptimizationJob grain, activated on the silo that holds a job's lease. Each step renews the
/// lease and moves the job on: the first owner cuts the sweep into a <see cref="BatchPlan"/> and
/// expands phase 0; when a phase's items are all done, the owner folds the phase's results into
/// the best so far, persists the state (versioned, so a cancellation or a new owner wins) and
/// expands the next phase, or ends the job. Expanding is idempotent and happens after the state
/// that names the phase is stored, so an owner that dies anywhere leaves a job the next one resumes.
/// </summary>
internal sealed class OptimizationJobGrain(
    IClusterStore store, SymbolCache symbols, SweepDefinitionCache definitions, string siloId, Silos.SiloOptions options, TimeProvider clock, ILogger logger)
{
    /// <summary>Phases this activation has made sure are in the queue; a new activation re-adds its current phase once.</summary>
    private readonly HashSet<(Guid Job, int Phase)> _expanded = [];

    /// <summary>
    /// Moves the job on as far as it can go now. False when this silo no longer owns it (lost the
    /// lease, the job ended or someone else wrote it): the caller lets it go.
    /// </summary>
    public async Task<bool> StepAsync(JobRecord job, CancellationToken cancellationToken)
    {
        if (!await store.RenewJobLeaseAsync(job.JobId, siloId, options.JobLease, cancellationToken))
        {
            return false;
        }

        try
        {
            return job.State is null
                ? await StartAsync(job, cancellationToken)
                : await AdvanceAsync(job, ClusterJson.Read<OptimizationJobState>(job.State), cancellationToken);
        }
        catch (JobVersionConflictException)
        {
            // Cancelled, or another owner wrote it: reread on the next look.
            return false;
        }
    }

    private async Task<bool> StartAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        SweepDefinition sweep;
        int barCount;
        try
        {
            sweep = await definitions.GetAsync(job.JobId, cancellationToken);
            barCount = (await symbols.EvaluatorAsync(job.Spec.Data, job.Spec.Settings, cancellationToken)).Bars.Count;
        }
        catch (Exception e) when (e is BarSourceException or StrategyParameterException or ArgumentException)
        {
            var failed = new OptimizationJobState(new BatchPlan(0, 1, 1, 0), 0, 0, [], now, now, now, e.Message);
            await store.UpdateJobAsync(new JobStateUpdate(job.JobId, job.Version, JobStatus.Failed, 0, ClusterJson.Write(failed)), cancellationToken);
            await store.ReleaseJobLeaseAsync(job.JobId, siloId, cancellationToken);
            Silos.SiloLog.JobCannotStart(logger, job.JobId, e.Message);
            return false;
        }

        var plan = BatchPlan.For(sweep, barCount, options.ItemsPerPhase, options.BarEvaluationsPerItem);
        var state = new OptimizationJobState(plan, barCount, 0, [], now, now);
        job = await store.UpdateJobAsync(new JobStateUpdate(job.JobId, job.Version, JobStatus.Running, 0, ClusterJson.Write(state)), cancellationToken);
        Silos.SiloLog.JobStarted(logger, job.JobId, plan.Positions, plan.TotalItems, plan.SetsPerItem, barCount, plan.Phases);
        await ExpandAsync(job, plan, cancellationToken);
        return true;
    }

    private async Task<bool> AdvanceAsync(JobRecord job, OptimizationJobState state, CancellationToken cancellationToken)
    {
        if (!_expanded.Contains((job.JobId, job.Phase)))
        {
            await ExpandAsync(job, state.Plan, cancellationToken);
        }

        var counts = await store.CountWorkItemsAsync(job.JobId, cancellationToken);
        ClusterTelemetry.QueueDepth.Record(counts.Pending + counts.Claimed, new KeyValuePair<string, object?>("job.id", job.JobId.ToString()));
        if (counts.Pending + counts.Claimed > 0)
        {
            return true;
        }

        var (first, end) = state.Plan.ItemsOf(job.Phase);
        var sweep = await definitions.GetAsync(job.JobId, cancellationToken);
        var results = await store.ReadResultsAsync(job.JobId, first, end, cancellationToken);
        var best = Leaderboard.Top(sweep.Objective, [.. state.Best, .. results], OptimizationJobState.LeaderboardSize);
        var now = clock.GetUtcNow();
        RecordPhaseSpan(job, state.PhaseStartedAt, now, end - first, results.Count);
        state = state with { Evaluated = state.Evaluated + results.Count, Best = best, PhaseStartedAt = now };

        string? error = counts.Poisoned > 0 ? await PoisonErrorAsync(job.JobId, counts, cancellationToken) : null;
        if (error is not null || job.Phase + 1 >= state.Plan.Phases)
        {
            var status = error is null ? JobStatus.Completed : JobStatus.Failed;
            state = state with { FinishedAt = now, Error = error };
            await store.UpdateJobAsync(new JobStateUpdate(job.JobId, job.Version, status, job.Phase, ClusterJson.Write(state)), cancellationToken);
            await store.ReleaseJobLeaseAsync(job.JobId, siloId, cancellationToken);
            _expanded.RemoveWhere(expanded => expanded.Job == job.JobId);
            ClusterTelemetry.QueueDepth.Record(0, new KeyValuePair<string, object?>("job.id", job.JobId.ToString()));
            Silos.SiloLog.JobEnded(logger, job.JobId, status, state.Evaluated);
            return false;
        }

        job = await store.UpdateJobAsync(
            new JobStateUpdate(job.JobId, job.Version, JobStatus.Running, job.Phase + 1, ClusterJson.Write(state)), cancellationToken);
        await ExpandAsync(job, state.Plan, cancellationToken);
        return true;
    }

    private async Task ExpandAsync(JobRecord job, BatchPlan plan, CancellationToken cancellationToken)
    {
        var (first, end) = plan.ItemsOf(job.Phase);
        var items = new NewWorkItem[end - first];
        for (long item = first; item < end; item++)
        {
            var (start, stop) = plan.PositionsOf(item);
            items[item - first] = new NewWorkItem(item, job.Phase, ClusterJson.Write(new BatchPayload(start, stop)));
        }

        await store.AddWorkItemsAsync(job.JobId, items, cancellationToken);
        _expanded.Add((job.JobId, job.Phase));
    }

    private async Task<string> PoisonErrorAsync(Guid jobId, WorkItemCounts counts, CancellationToken cancellationToken)
    {
        var poisoned = await store.ListPoisonedWorkItemsAsync(jobId, cancellationToken);
        string first = poisoned.Count > 0 ? $" Item {poisoned[0].ItemIndex}: {poisoned[0].Error}" : "";
        return $"{counts.Poisoned:N0} of {counts.Total:N0} work items failed every attempt.{first}";
    }

    /// <summary>
    /// A span for the finished phase, timed from the phase's stored start, so a phase that outlived its
    /// first owner is still one span. It joins the trace the client started when it submitted the job.
    /// </summary>
    private static void RecordPhaseSpan(JobRecord job, DateTimeOffset started, DateTimeOffset ended, long items, long sets)
    {
        ActivityContext.TryParse(job.Spec.TraceParent, null, out var parent);
        using var span = ClusterTelemetry.Source.StartActivity("job.phase", ActivityKind.Internal, parent, startTime: started);
        if (span is null)
        {
            return;
        }

        span.SetTag("job.id", job.JobId.ToString());
        span.SetTag("job.phase", job.Phase);
        span.SetTag("job.items", items);
        span.SetTag("job.evaluations", sets);
        span.SetEndTime(ended.UtcDateTime);
    }
}
