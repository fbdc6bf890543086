using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using QuantCluster.Contracts;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Results;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Workers;

/// <summary>
/// One evaluation worker: it waits on the job registry for running jobs, claims an item from a job's
/// grain, backtests the item's parameter sets over bars from the silo's <see cref="SymbolCache"/>,
/// stores the results (once per item, whatever happens), reports the item's best to the job and claims
/// the next in the same call. A database or a job's silo that cannot be reached is waited out with
/// backoff, the item kept in hand; a failing item is reported against the job.
/// </summary>
internal sealed class EvaluationWorker(
    int index,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    SymbolCache symbols,
    SweepDefinitionCache definitions,
    IResultStore results,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<EvaluationWorker> logger)
{
    private const long LookAgain = -1;

    /// <summary>Works until <paramref name="stopClaiming"/> fires, then finishes the item in hand and returns.</summary>
    public async Task RunAsync(CancellationToken stopClaiming)
    {
        var registry = grains.GetGrain<IJobRegistryGrain>(0);
        var backoff = new Backoff(options.Value.MaxBackoff, clock);
        long seen = LookAgain;
        while (!stopClaiming.IsCancellationRequested)
        {
            try
            {
                var active = await registry.WaitForWorkAsync(seen, options.Value.IdleWait).WaitAsync(stopClaiming);
                seen = active.Version;
                for (int i = 0; i < active.JobIds.Count && !stopClaiming.IsCancellationRequested; i++)
                {
                    // Workers start at different jobs, so two jobs both progress when there are enough workers.
                    var jobId = active.JobIds[(i + index) % active.JobIds.Count];
                    if (await WorkOnAsync(grains.GetGrain<IOptimizationJobGrain>(jobId), stopClaiming))
                    {
                        seen = LookAgain;
                    }
                }

                backoff.Reset();
            }
            catch (OperationCanceledException) when (stopClaiming.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsTransient(e))
            {
                WorkerLog.Retrying(logger, "reach the job registry", e.Message);
                ClusterTelemetry.WorkerRetries.Add(1);
                await WaitQuietlyAsync(backoff, stopClaiming);
            }
        }
    }

    /// <summary>Works on one job while it has free items; false when it had none.</summary>
    private async Task<bool> WorkOnAsync(IOptimizationJobGrain job, CancellationToken stopClaiming)
    {
        var assignment = await job.ClaimAsync(silo.SiloAddress);
        if (assignment is null)
        {
            return false;
        }

        while (assignment is not null)
        {
            var outcome = await EvaluateAsync(assignment);
            assignment = await ReportAsync(job, outcome, claimNext: !stopClaiming.IsCancellationRequested);
        }

        return true;
    }

    /// <summary>Evaluates and stores one item: its completion, or its failure when it cannot be evaluated.</summary>
    private async Task<ItemOutcome> EvaluateAsync(WorkAssignment assignment)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = StartSpan(assignment);
        try
        {
            var sweep = definitions.Get(assignment.JobId, assignment.Spec);
            var evaluator = await symbols.EvaluatorAsync(assignment.Spec.Data, assignment.Spec.Settings);
            var sets = assignment.GridIndices is { } genomes ? sweep.SetsOf(genomes) : sweep.SetsAt(assignment.Start, assignment.End);
            var metrics = evaluator.Evaluate(sweep.Strategy, sets);
            var evaluated = new EvaluationResult[sets.Count];
            for (int i = 0; i < evaluated.Length; i++)
            {
                evaluated[i] = new EvaluationResult(assignment.ItemIndex, sweep.Named(sets[i]), metrics[i]);
            }

            string[] names = [.. sweep.Strategy.Parameters.Select(p => p.Name)];
            bool stored = await StoreAsync(assignment, names, evaluated);
            span?.SetTag("batch.sets", evaluated.Length);
            span?.SetTag("batch.stored", stored);
            ClusterTelemetry.Evaluations.Add(evaluated.Length);
            ClusterTelemetry.BarEvaluations.Add((long)evaluated.Length * evaluator.Bars.Count);
            ClusterTelemetry.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            var best = Leaderboard.Top(sweep.Objective, evaluated, OptimizationJobState.LeaderboardSize);
            var completion = new ItemCompletion(assignment.ItemIndex, assignment.Attempt, silo.SiloAddress, evaluated.Length, best)
            {
                Scores = assignment.GridIndices is null ? null : [.. metrics.Select(sweep.Objective.Score)],
            };
            return new ItemOutcome(completion, null);
        }
        catch (Exception e) when (e is BarSourceException or StrategyParameterException or ArgumentException or InvalidOperationException)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            WorkerLog.ItemFailed(logger, assignment.ItemIndex, assignment.JobId, e.Message);
            ClusterTelemetry.ItemFailures.Add(1);
            return new ItemOutcome(null, new ItemFailure(assignment.ItemIndex, assignment.Attempt, silo.SiloAddress, e.Message));
        }
    }

    /// <summary>Stores the item's results, waiting out a lost database; false when they were already stored (a redone item).</summary>
    private async Task<bool> StoreAsync(WorkAssignment assignment, string[] names, EvaluationResult[] evaluated)
    {
        var backoff = new Backoff(options.Value.MaxBackoff, clock);
        while (true)
        {
            try
            {
                return await results.StoreAsync(assignment.JobId, assignment.ItemIndex, names, evaluated);
            }
            catch (ResultStoreException e)
            {
                WorkerLog.Retrying(logger, "store results", e.Message);
                ClusterTelemetry.WorkerRetries.Add(1);
                await backoff.WaitAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Reports the outcome, retrying while the job's silo is unreachable (the job then comes back on
    /// another silo). Its results are stored already, so an outcome that never arrives costs a redo, not a result.
    /// </summary>
    private async Task<WorkAssignment?> ReportAsync(IOptimizationJobGrain job, ItemOutcome outcome, bool claimNext)
    {
        var backoff = new Backoff(options.Value.MaxBackoff, clock);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return outcome.Completion is { } completion
                    ? await job.CompleteAsync(completion, claimNext)
                    : await job.FailAsync(outcome.Failure!, claimNext);
            }
            catch (Exception e) when (IsTransient(e) && attempt < 30)
            {
                WorkerLog.Retrying(logger, "report an item to its job", e.Message);
                ClusterTelemetry.WorkerRetries.Add(1);
                await backoff.WaitAsync(CancellationToken.None);
            }
        }
    }

    private static bool IsTransient(Exception e) => e is OrleansException or TimeoutException or IOException;

    private static Activity? StartSpan(WorkAssignment assignment)
    {
        ActivityContext.TryParse(assignment.Spec.TraceParent, null, out var parent);
        var span = ClusterTelemetry.Source.StartActivity("batch.evaluate", ActivityKind.Internal, parent);
        span?.SetTag("job.id", assignment.JobId.ToString());
        span?.SetTag("job.phase", assignment.Phase);
        span?.SetTag("batch.item", assignment.ItemIndex);
        span?.SetTag("batch.attempt", assignment.Attempt);
        return span;
    }

    private static async Task WaitQuietlyAsync(Backoff backoff, CancellationToken cancellationToken)
    {
        try
        {
            await backoff.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
