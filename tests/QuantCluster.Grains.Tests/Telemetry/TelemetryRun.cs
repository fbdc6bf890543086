using System.Diagnostics;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Grains.Tests.Telemetry;

/// <summary>
/// One test's spans and measurements, marked with a run id. Every exporter in the process sees every span
/// and measurement of the cluster's source and meter, whichever test made them, so a test looks only at its own.
/// </summary>
internal sealed class TelemetryRun
{
    public const string Attribute = "test.run";

    /// <summary>The names of every instrument <see cref="RecordEveryInstrument"/> records to.</summary>
    public static readonly IReadOnlyList<string> InstrumentNames =
    [
        "quant.evaluations",
        "quant.bar_evaluations",
        "quant.batch.duration",
        "quant.queue.depth",
        "quant.silos.active",
        "quant.bar_cache.hits",
        "quant.bar_cache.misses",
    ];

    public string Id { get; } = Guid.NewGuid().ToString("N");

    private KeyValuePair<string, object?> Tag => new(Attribute, Id);

    /// <summary>Records a job.phase span with a batch.evaluate span inside it, as an owner silo and a worker would.</summary>
    public (ActivityContext Phase, ActivityContext Batch) RecordPhaseWithBatch()
    {
        using var phase = ClusterTelemetry.Source.StartActivity("job.phase");
        Assert.NotNull(phase);
        phase.SetTag(Attribute, Id);
        using var batch = ClusterTelemetry.Source.StartActivity("batch.evaluate");
        Assert.NotNull(batch);
        batch.SetTag(Attribute, Id);
        return (phase.Context, batch.Context);
    }

    /// <summary>Records to every instrument: 3 evaluations of 500 bars, one 0.25 s batch, a queue of 42, 2 silos, 5 cache hits, 1 miss.</summary>
    public void RecordEveryInstrument()
    {
        ClusterTelemetry.Evaluations.Add(3, Tag);
        ClusterTelemetry.BarEvaluations.Add(3 * 500, Tag);
        ClusterTelemetry.BatchDuration.Record(0.25, Tag);
        ClusterTelemetry.QueueDepth.Record(42, Tag);
        ClusterTelemetry.ActiveSilos.Record(2, Tag);
        ClusterTelemetry.CacheHits.Add(5, Tag);
        ClusterTelemetry.CacheMisses.Add(1, Tag);
    }

    public bool Made(ReceivedSpan span) => span.Attributes.GetValueOrDefault(Attribute) == Id;

    /// <summary>This run's data point of the named metric in the last request that carried one.</summary>
    public ReceivedDataPoint LastPoint(IEnumerable<ReceivedMetric> metrics, string name) =>
        metrics.Where(metric => metric.Name == name)
            .SelectMany(metric => metric.DataPoints)
            .Last(point => point.Attributes.GetValueOrDefault(Attribute) == Id);
}
