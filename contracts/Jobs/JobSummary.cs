namespace QuantCluster.Contracts.Jobs;

/// <summary>A line of the job list.</summary>
[GenerateSerializer, Immutable, Alias("quant.JobSummary")]
public sealed record JobSummary(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] string Strategy,
    [property: Id(2)] string Data,
    [property: Id(3)] JobStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt);
