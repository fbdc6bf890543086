using Orleans.Runtime;

namespace QuantCluster.Contracts.Jobs;

/// <summary>A work item that could not be evaluated, with the reason.</summary>
[GenerateSerializer, Immutable, Alias("quant.ItemFailure")]
public sealed record ItemFailure(
    [property: Id(0)] long ItemIndex,
    [property: Id(1)] int Attempt,
    [property: Id(2)] SiloAddress Silo,
    [property: Id(3)] string Error);
