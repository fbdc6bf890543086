using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QuantCluster.Grains.Telemetry;

/// <summary>
/// The cluster's spans and instruments, under one name ("QuantCluster") for both the ActivitySource
/// and the Meter, so one line of exporter configuration picks up everything. Spans: "job.submit"
/// (client), "job.phase" (the job grain's silo), "batch.evaluate" (worker), linked by the trace context the
/// client stores in the job spec. Without a listener, starting a span costs a null check.
/// </summary>
public static class ClusterTelemetry
{
    public const string Name = "QuantCluster";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Parameter sets backtested.</summary>
    public static Counter<long> Evaluations { get; } =
        Meter.CreateCounter<long>("quant.evaluations", "{evaluation}", "Parameter sets backtested");

    /// <summary>Bars times parameter sets backtested: the figure of merit.</summary>
    public static Counter<long> BarEvaluations { get; } =
        Meter.CreateCounter<long>("quant.bar_evaluations", "{bar}", "Bars times parameter sets backtested");

    /// <summary>
    /// Bounds in seconds around an item's intended tenth of a second of one core, up to the minutes a huge
    /// item or a loaded machine takes: the SDK's default bounds are meant for milliseconds, and would put
    /// every item in the first bucket, leaving percentiles meaningless.
    /// </summary>
    public static Histogram<double> BatchDuration { get; } =
        Meter.CreateHistogram(
            "quant.batch.duration", "s", "Wall time of one work item, from claim to completion", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });

    /// <summary>Work items of running jobs not yet done, as the silo hosting each job grain last counted them.</summary>
    public static Gauge<long> QueueDepth { get; } =
        Meter.CreateGauge<long>("quant.queue.depth", "{item}", "Work items not yet done of the running jobs whose grains this silo hosts");

    /// <summary>Active silos in Orleans' membership, as this silo last saw it.</summary>
    public static Gauge<long> ActiveSilos { get; } =
        Meter.CreateGauge<long>("quant.silos.active", "{silo}", "Active silos in the cluster's membership, as this silo sees it");

    public static Counter<long> CacheHits { get; } =
        Meter.CreateCounter<long>("quant.bar_cache.hits", "{lookup}", "Bar-series lookups served by the silo's cache");

    public static Counter<long> CacheMisses { get; } =
        Meter.CreateCounter<long>("quant.bar_cache.misses", "{lookup}", "Bar-series lookups that loaded bars");

    /// <summary>Work items that could not be evaluated (each is tried again, up to the job's limit).</summary>
    public static Counter<long> ItemFailures { get; } =
        Meter.CreateCounter<long>("quant.items.failed", "{item}", "Work item attempts that failed");

    /// <summary>Work items handed out again because the silo holding them was declared dead.</summary>
    public static Counter<long> ItemsReassigned { get; } =
        Meter.CreateCounter<long>("quant.items.reassigned", "{item}", "Work items handed out again after their silo died");

    /// <summary>Waits of a worker on something unreachable (the registry, the database, a job's silo) before it tries again.</summary>
    public static Counter<long> WorkerRetries { get; } =
        Meter.CreateCounter<long>("quant.worker.retries", "{retry}", "Calls or writes a worker retried after a transient failure");

    /// <summary>Work items of a job out with workers, as the silo hosting the job grain last counted them.</summary>
    public static Gauge<long> ItemsInFlight { get; } =
        Meter.CreateGauge<long>("quant.items.in_flight", "{item}", "Work items of a running job being evaluated, by job");

    /// <summary>Done items over all items of a job, from 0 to 1.</summary>
    public static Gauge<double> JobProgress { get; } =
        Meter.CreateGauge<double>("quant.job.progress", "{fraction}", "Fraction of a job's work items done, by job");

    /// <summary>The objective's value of a job's best result so far (lowest for a risk that is minimised).</summary>
    public static Gauge<double> JobBestObjective { get; } =
        Meter.CreateGauge<double>("quant.job.best_objective", "{value}", "The objective of a job's best result so far, by job");

    /// <summary>
    /// Gives every counter a value of 0, so that a series exists before its first event and a rate over it is 0
    /// rather than absent (a dashboard cannot tell "no failures" from "not reported" otherwise).
    /// Call once the exporters listen.
    /// </summary>
    public static void StartCountersAtZero()
    {
        foreach (var counter in new[] { Evaluations, BarEvaluations, CacheHits, CacheMisses, ItemFailures, ItemsReassigned, WorkerRetries })
        {
            counter.Add(0);
        }
    }
}
