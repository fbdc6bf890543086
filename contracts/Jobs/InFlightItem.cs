namespace QuantCluster.Contracts.Jobs;

/// <summary>A work item a worker holds now: which, on which silo, under which attempt.</summary>
[GenerateSerializer, Immutable, Alias("quant.InFlightItem")]
public sealed record InFlightItem([property: Id(0)] long ItemIndex, [property: Id(1)] string Silo, [property: Id(2)] int Attempt);
