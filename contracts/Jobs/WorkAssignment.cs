namespace QuantCluster.Contracts.Jobs;

/// <summary>A work item handed to a worker: positions [Start, End) of the job's enumeration, under an attempt number.</summary>
[GenerateSerializer, Immutable, Alias("quant.WorkAssignment")]
public sealed record WorkAssignment(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] long ItemIndex,
    [property: Id(2)] int Phase,
    [property: Id(3)] long Start,
    [property: Id(4)] long End,
    [property: Id(5)] int Attempt,
    [property: Id(6)] JobSpec Spec);
