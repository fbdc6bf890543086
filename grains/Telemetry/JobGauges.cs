using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;

namespace QuantCluster.Grains.Telemetry;

/// <summary>A job's gauges (<see cref="ClusterTelemetry"/>), tagged with its id, so a dashboard follows one job.</summary>
internal static class JobGauges
{
    private const string JobTag = "job.id";

    /// <summary>Progress, and the items out with workers, of a job of <paramref name="total"/> items.</summary>
    public static void Record(Guid jobId, long done, long total, int inFlight)
    {
        var job = new KeyValuePair<string, object?>(JobTag, jobId.ToString());
        ClusterTelemetry.JobProgress.Record(total > 0 ? (double)done / total : 0, job);
        ClusterTelemetry.ItemsInFlight.Record(inFlight, job);
    }

    /// <summary>The objective of the first of <paramref name="best"/> (best first), when there is one.</summary>
    public static void RecordBest(Guid jobId, Objective objective, IReadOnlyList<EvaluationResult> best)
    {
        if (best.Count > 0)
        {
            ClusterTelemetry.JobBestObjective.Record(
                best[0].Metrics.Get(objective.Metric),
                new KeyValuePair<string, object?>(JobTag, jobId.ToString()), new KeyValuePair<string, object?>("objective", objective.Metric));
        }
    }
}
