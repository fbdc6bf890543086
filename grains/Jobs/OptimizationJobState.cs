using QuantCluster.Contracts;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// What the OptimizationJob grain persists at every phase boundary (the job's current phase is the
/// job record's): how the sweep is cut, the bars it runs on, how many sets the finished phases
/// evaluated, the best of them, and why the job failed if it did. A new owner resumes from this.
/// </summary>
/// <param name="Plan">How the sweep is cut into items and phases.</param>
/// <param name="BarCount">Bars of the series the job runs on.</param>
/// <param name="Evaluated">Parameter sets evaluated by the phases before the current one.</param>
/// <param name="Best">The best qualifying results so far, best first (at most <see cref="LeaderboardSize"/>).</param>
/// <param name="StartedAt">When the first owner started the job.</param>
/// <param name="PhaseStartedAt">When the current phase was expanded.</param>
/// <param name="FinishedAt">When the job ended; null while it runs.</param>
/// <param name="Error">Why the job failed; null unless it did.</param>
public sealed record OptimizationJobState(
    BatchPlan Plan,
    int BarCount,
    long Evaluated,
    IReadOnlyList<EvaluationResult> Best,
    DateTimeOffset StartedAt,
    DateTimeOffset PhaseStartedAt,
    DateTimeOffset? FinishedAt = null,
    string? Error = null)
{
    /// <summary>Results the state keeps; the full set stays in the store's results.</summary>
    public const int LeaderboardSize = 100;
}
