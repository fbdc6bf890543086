namespace QuantCluster.Grains.Jobs;

/// <summary>How job grains cut and watch their jobs. The defaults suit a real cluster; tests shorten the times.</summary>
public sealed record JobGrainOptions
{
    /// <summary>Bars times parameter sets per work item of the jobs started here (see <see cref="BatchPlan"/>).</summary>
    public long BarEvaluationsPerItem { get; init; } = BatchPlan.DefaultBarEvaluationsPerItem;

    /// <summary>
    /// How often a running job checkpoints what changed to grain storage and hands out again the items
    /// of silos the membership declared dead.
    /// </summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a reminder brings a running job back when its silo dies. The embedded cluster has one
    /// silo, whose jobs end with its process, so it saves itself the reminder service.
    /// </summary>
    public bool Reminders { get; init; } = true;

    /// <summary>Failed attempts after which an item fails its job.</summary>
    public int AttemptsPerItem { get; init; } = 3;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BarEvaluationsPerItem, 1, nameof(BarEvaluationsPerItem));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CheckInterval, TimeSpan.Zero, nameof(CheckInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(AttemptsPerItem, 1, nameof(AttemptsPerItem));
    }
}
