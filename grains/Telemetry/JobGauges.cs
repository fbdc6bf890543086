using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;

namespace QuantCluster.Grains.Telemetry;

/// <summary>A job's gauges (<see cref="ClusterTelemetry"/>), tagged with its id, so a dashboard follows one job.</summary>
internal static class JobGauges
{
    private const string JobTag = "job.id";

    /// <summary>A job's progress (0 to 1, across its phases) and the items out with workers.</summary>
    public static void Record(Guid jobId, double progress, int inFlight)
    {
        var job = new KeyValuePair<string, object?>(JobTag, jobId.ToString());
        ClusterTelemetry.JobProgress.Record(progress, job);
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
