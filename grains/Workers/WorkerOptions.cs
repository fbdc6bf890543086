namespace QuantCluster.Grains.Workers;

/// <summary>How a silo's evaluation workers pace themselves.</summary>
public sealed record WorkerOptions
{
    /// <summary>Evaluation workers, one per core by default; 0 makes a silo that hosts grains only.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>How long an idle worker waits on the registry before it looks again of itself.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between retries while a database or a job's silo cannot be reached.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Workers, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleWait, TimeSpan.Zero, nameof(IdleWait));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxBackoff, TimeSpan.Zero, nameof(MaxBackoff));
    }
}
