namespace QuantCluster.Contracts.Jobs;

/// <summary>
/// A work item handed to a worker, under an attempt number: positions [Start, End) of the job's
/// enumeration, or for a genetic generation the grid indices to evaluate. The spec's data is the
/// bars to evaluate on (a walk-forward fold's in-sample window).
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.WorkAssignment")]
public sealed record WorkAssignment(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] long ItemIndex,
    [property: Id(2)] int Phase,
    [property: Id(3)] long Start,
    [property: Id(4)] long End,
    [property: Id(5)] int Attempt,
    [property: Id(6)] JobSpec Spec)
{
    /// <summary>The grid combinations to evaluate, by mixed-radix index, instead of positions of the enumeration.</summary>
    [Id(7)]
    public IReadOnlyList<long>? GridIndices { get; init; }
}
