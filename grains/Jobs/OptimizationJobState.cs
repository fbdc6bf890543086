using QuantCluster.Contracts;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// What the OptimizationJob grain keeps in grain storage: the spec, how the sweep is cut, which items
/// are done, the best results so far, the counters and the error. A new activation, on any silo,
/// resumes from it. Written as JSON without type names (see <see cref="Serialization.JsonGrainStorageSerializer"/>).
/// </summary>
public sealed class OptimizationJobState
{
    /// <summary>Results the state keeps; the full set stays in the results store.</summary>
    public const int LeaderboardSize = 100;

    /// <summary>Null until the job is submitted: a grain with no spec is no job.</summary>
    public JobSpec? Spec { get; set; }

    public JobStatus Status { get; set; }

    public BatchPlan? Plan { get; set; }

    public int BarCount { get; set; }

    /// <summary>Every item below this is done.</summary>
    public long DoneBelow { get; set; }

    /// <summary>Done items at or above <see cref="DoneBelow"/>.</summary>
    public List<long> DoneAbove { get; set; } = [];

    /// <summary>Parameter sets of the done items.</summary>
    public long Evaluated { get; set; }

    public List<EvaluationResult> Best { get; set; } = [];

    /// <summary>Failed attempts per item still being tried.</summary>
    public Dictionary<long, int> Failures { get; set; } = [];

    public long FailedAttempts { get; set; }

    public long Reassigned { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    /// <summary>Whether the job's end is yet to be told to the registry and the Strategy grain (they may be unreachable when it ends).</summary>
    public bool EndToAnnounce { get; set; }
}
