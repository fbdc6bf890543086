namespace QuantCluster.Contracts.Jobs;

/// <summary>The running jobs, oldest first, at a version of the registry that moves on with every change.</summary>
[GenerateSerializer, Immutable, Alias("quant.ActiveJobs")]
public sealed record ActiveJobs([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<Guid> JobIds);
