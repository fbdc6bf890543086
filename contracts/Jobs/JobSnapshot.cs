namespace QuantCluster.Contracts.Jobs;

/// <summary>A job as it stands: what watchers, `quant job show` and the tests read.</summary>
[GenerateSerializer, Immutable, Alias("quant.JobSnapshot")]
public sealed record JobSnapshot
{
    [Id(0)]
    public required Guid JobId { get; init; }

    [Id(1)]
    public required JobSpec Spec { get; init; }

    [Id(2)]
    public required JobStatus Status { get; init; }

    /// <summary>Phases done: a genetic search's generations, a walk-forward's folds; a grid or random search has one.</summary>
    [Id(3)]
    public int Phase { get; init; }

    /// <summary>Phases the job has at most (a genetic search may stop early on a plateau).</summary>
    [Id(4)]
    public int Phases { get; init; }

    /// <summary>Work items of the whole sweep; 0 until the job has started.</summary>
    [Id(5)]
    public long TotalItems { get; init; }

    [Id(6)]
    public long ItemsDone { get; init; }

    [Id(7)]
    public IReadOnlyList<InFlightItem> InFlight { get; init; } = [];

    /// <summary>Items redone because the silo holding them died.</summary>
    [Id(8)]
    public long Reassigned { get; init; }

    /// <summary>Attempts that failed with an error.</summary>
    [Id(9)]
    public long FailedAttempts { get; init; }

    /// <summary>Parameter sets evaluated by the done items, exactly.</summary>
    [Id(10)]
    public long Evaluated { get; init; }

    /// <summary>Parameter sets the whole sweep will evaluate (estimated for a grid with constraints until it ends).</summary>
    [Id(11)]
    public long ExpectedSets { get; init; }

    [Id(12)]
    public int BarCount { get; init; }

    /// <summary>The best qualifying results so far, best first (at most 100).</summary>
    [Id(13)]
    public IReadOnlyList<EvaluationResult> Best { get; init; } = [];

    [Id(14)]
    public DateTimeOffset CreatedAt { get; init; }

    [Id(15)]
    public DateTimeOffset? StartedAt { get; init; }

    [Id(16)]
    public DateTimeOffset? FinishedAt { get; init; }

    [Id(17)]
    public string? Error { get; init; }

    /// <summary>The silo the job grain is active on.</summary>
    [Id(18)]
    public string Host { get; init; } = "";

    /// <summary>Done so far, from 0 to 1, as the job grain measures it across phases.</summary>
    [Id(19)]
    public double Progress { get; init; }

    /// <summary>A genetic search's generations so far: best and mean score of each.</summary>
    [Id(20)]
    public IReadOnlyList<GenerationRecord> Generations { get; init; } = [];

    /// <summary>A walk-forward analysis' folds so far, and once it has ended, the stitched result.</summary>
    [Id(21)]
    public IReadOnlyList<FoldResult> Folds { get; init; } = [];

    [Id(22)]
    public WalkForwardResult? WalkForward { get; init; }

    public bool IsFinal => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>Done so far, from 0 to 1.</summary>
    public double Fraction => Status == JobStatus.Completed ? 1 : Math.Clamp(Progress, 0, 1);
}
