using QuantCluster.Contracts;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// What the OptimizationJob grain keeps in grain storage: the spec, its searches and how their phases
/// are cut into items, which items are done, the best results so far, the counters and the error. A new activation, on any silo,
/// resumes from it. Written as JSON without type names (see <see cref="Serialization.JsonGrainStorageSerializer"/>).
/// </summary>
public sealed class OptimizationJobState
{
    /// <summary>Results the state keeps; the full set stays in the results store.</summary>
    public const int LeaderboardSize = 100;

    /// <summary>Null until the job is submitted: a grain with no spec is no job.</summary>
    public JobSpec? Spec { get; set; }

    public JobStatus Status { get; set; }

    /// <summary>The job's searches: one, or one per walk-forward fold.</summary>
    public List<SearchTrack> Tracks { get; set; } = [];

    /// <summary>The work items of every phase started so far, in item order.</summary>
    public List<PhaseBlock> Blocks { get; set; } = [];

    /// <summary>Items of every phase started so far: where the next phase's items start.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long ItemCount => Blocks.Count == 0 ? 0 : Blocks[^1].FirstItem + Blocks[^1].Items;

    /// <summary>How many bar-evaluations an item of a phase started later holds: fixed when the job starts.</summary>
    public long BarEvaluationsPerItem { get; set; }

    public int BarCount { get; set; }

    /// <summary>Every item below this is done.</summary>
    public long DoneBelow { get; set; }

    /// <summary>Done items at or above <see cref="DoneBelow"/>.</summary>
    public List<long> DoneAbove { get; set; } = [];

    /// <summary>Parameter sets of the done items.</summary>
    public long Evaluated { get; set; }

    /// <summary>The best results of a plain sweep; a walk-forward keeps each fold's in its track.</summary>
    public List<EvaluationResult> Best { get; set; } = [];

    /// <summary>A finished walk-forward's stitched result.</summary>
    public WalkForwardResult? WalkForward { get; set; }

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
