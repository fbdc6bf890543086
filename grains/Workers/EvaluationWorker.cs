using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QuantCluster.Contracts;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Silos;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Workers;

/// <summary>
/// The stateless EvaluationWorker: one loop per core that claims a work item, backtests its
/// parameter sets over bars from the silo's <see cref="SymbolCache"/> on this thread, and completes
/// the item with its results in one fenced store call. A failure is reported against the item (it
/// is retried, then poisoned with the error kept); a store outage is waited out with backoff.
/// </summary>
internal sealed class EvaluationWorker(
    IClusterStore store, SymbolCache symbols, SweepDefinitionCache definitions, string siloId, SiloOptions options, TimeProvider clock, ILogger logger)
{
    /// <summary>Works until <paramref name="stopClaiming"/> fires, then finishes the item in hand and returns.</summary>
    public async Task RunAsync(CancellationToken stopClaiming)
    {
        var backoff = new Backoff(options.MaxBackoff, clock);
        while (!stopClaiming.IsCancellationRequested)
        {
            try
            {
                var claimed = await store.ClaimWorkItemsAsync(siloId, 1, options.WorkLease, stopClaiming);
                backoff.Reset();
                if (claimed.Count == 0)
                {
                    await Task.Delay(options.PollInterval, clock, stopClaiming);
                    continue;
                }

                await ProcessAsync(claimed[0]);
            }
            catch (OperationCanceledException) when (stopClaiming.IsCancellationRequested)
            {
                return;
            }
            catch (ClusterStoreException e)
            {
                SiloLog.StoreUnreachable(logger, siloId, "claiming work", e.Message);
                await WaitQuietlyAsync(backoff, stopClaiming);
            }
        }
    }

    /// <summary>Evaluates and completes one item. The item's own work is not cancelled by a stop: it takes a fraction of a second.</summary>
    private async Task ProcessAsync(ClaimedWorkItem item)
    {
        var started = Stopwatch.GetTimestamp();
        Activity? span = null;
        try
        {
            EvaluationResult[] results;
            int bars;
            try
            {
                var sweep = await definitions.GetAsync(item.JobId, CancellationToken.None);
                span = StartSpan(item, sweep.Spec.TraceParent);
                var evaluator = await symbols.EvaluatorAsync(sweep.Spec.Data, sweep.Spec.Settings, CancellationToken.None);
                var payload = ClusterJson.Read<BatchPayload>(item.Payload);
                var sets = sweep.SetsAt(payload.Start, payload.End);
                var metrics = evaluator.Evaluate(sweep.Strategy, sets);
                results = new EvaluationResult[sets.Count];
                for (int i = 0; i < results.Length; i++)
                {
                    results[i] = new EvaluationResult(item.ItemIndex, sweep.Named(sets[i]), metrics[i]);
                }

                bars = evaluator.Bars.Count;
            }
            catch (Exception e) when (e is not ClusterStoreException and not OutOfMemoryException)
            {
                span?.SetStatus(ActivityStatusCode.Error, e.Message);
                SiloLog.ItemFailed(logger, item.ItemIndex, item.JobId, e.Message);
                await WhileLeasedAsync(item, () => store.FailWorkItemAsync(item, e.Message));
                return;
            }

            var outcome = await WhileLeasedAsync(item, () => store.CompleteWorkItemAsync(item, results));
            span?.SetTag("batch.sets", results.Length);
            span?.SetTag("batch.outcome", outcome?.ToString() ?? "unreachable");
            if (outcome == CompletionOutcome.Completed)
            {
                ClusterTelemetry.Evaluations.Add(results.Length);
                ClusterTelemetry.BarEvaluations.Add((long)results.Length * bars);
                ClusterTelemetry.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
        finally
        {
            span?.Dispose();
        }
    }

    /// <summary>
    /// Retries a completion or failure through a store outage while the claim's lease holds: the fence
    /// makes a repeat harmless, and past the lease the item is another claim's. Null when the lease ran out.
    /// </summary>
    private async Task<T?> WhileLeasedAsync<T>(ClaimedWorkItem item, Func<Task<T>> call)
        where T : struct
    {
        var backoff = new Backoff(options.MaxBackoff, clock);
        while (clock.GetUtcNow() < item.LeaseUntil)
        {
            try
            {
                return await call();
            }
            catch (ClusterStoreException e)
            {
                SiloLog.StoreUnreachable(logger, siloId, "storing a result", e.Message);
                await backoff.WaitAsync(CancellationToken.None);
            }
        }

        return null;
    }

    private static Activity? StartSpan(ClaimedWorkItem item, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        var span = ClusterTelemetry.Source.StartActivity("batch.evaluate", ActivityKind.Internal, parent);
        span?.SetTag("job.id", item.JobId.ToString());
        span?.SetTag("job.phase", item.Phase);
        span?.SetTag("batch.item", item.ItemIndex);
        span?.SetTag("batch.attempt", item.Attempt);
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
