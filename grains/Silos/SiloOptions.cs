namespace QuantCluster.Grains.Silos;

/// <summary>How a silo paces itself. The defaults suit a real cluster; tests shorten the times.</summary>
public sealed record SiloOptions
{
    /// <summary>Evaluation workers, one per core by default.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A silo silent this long is declared dead and its leases are taken over.</summary>
    public TimeSpan DeadSiloTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a job's owner holds it without renewing; it renews at every step.</summary>
    public TimeSpan JobLease { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a worker holds a work item: a backstop for hung silos, as dead ones lose their items when declared dead.</summary>
    public TimeSpan WorkLease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle worker looks for work and the owner looks at its jobs (sooner when an item completes).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries while the store cannot be reached.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Items per phase for new jobs this silo starts (see <see cref="Jobs.BatchPlan"/>).</summary>
    public int ItemsPerPhase { get; init; } = Jobs.BatchPlan.DefaultItemsPerPhase;

    /// <summary>Bars times parameter sets per work item for new jobs this silo starts (see <see cref="Jobs.BatchPlan"/>).</summary>
    public long BarEvaluationsPerItem { get; init; } = Jobs.BatchPlan.DefaultBarEvaluationsPerItem;

    /// <summary>Bars and indicators a silo caches.</summary>
    public long CacheBudgetBytes { get; init; } = Symbols.SymbolCache.DefaultBudgetBytes;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 0, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HeartbeatInterval, TimeSpan.Zero, nameof(HeartbeatInterval));
        if (DeadSiloTimeout <= HeartbeatInterval * 2)
        {
            throw new ArgumentException($"The dead-silo timeout ({DeadSiloTimeout}) must be more than two heartbeats ({HeartbeatInterval}).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(JobLease, TimeSpan.Zero, nameof(JobLease));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WorkLease, TimeSpan.Zero, nameof(WorkLease));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(ItemsPerPhase, 1, nameof(ItemsPerPhase));
        ArgumentOutOfRangeException.ThrowIfLessThan(BarEvaluationsPerItem, 1, nameof(BarEvaluationsPerItem));
    }
}
