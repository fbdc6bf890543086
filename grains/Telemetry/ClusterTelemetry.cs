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

    public static Histogram<double> BatchDuration { get; } =
        Meter.CreateHistogram<double>("quant.batch.duration", "s", "Wall time of one work item, from claim to completion");

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
}
