using Orleans.Runtime;

namespace QuantCluster.Contracts.Jobs;

/// <summary>
/// A work item done: how many parameter sets it evaluated and its best results by the job's
/// objective (the full results are already in the results store), from which silo and attempt. An
/// item of a genetic generation also gives every set's score, in the order of its grid indices.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.ItemCompletion")]
public sealed record ItemCompletion(
    [property: Id(0)] long ItemIndex,
    [property: Id(1)] int Attempt,
    [property: Id(2)] SiloAddress Silo,
    [property: Id(3)] int Sets,
    [property: Id(4)] IReadOnlyList<EvaluationResult> Best)
{
    /// <summary>Every set's score (higher is better, -infinity when it does not qualify), for items given as grid indices.</summary>
    [Id(5)]
    public IReadOnlyList<double>? Scores { get; init; }
}
