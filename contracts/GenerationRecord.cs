namespace QuantCluster.Contracts;

/// <summary>One generation of a genetic search, as its history shows it.</summary>
/// <param name="Generation">From 0.</param>
/// <param name="Best">The best score in this generation's population (scores are higher-is-better: a minimised objective is negated).</param>
/// <param name="Mean">The mean score of the population's members that qualified; NaN when none did.</param>
/// <param name="BestSoFar">The best score of every genome evaluated up to and including this generation.</param>
/// <param name="NewEvaluations">Genomes this generation evaluated that no earlier one had.</param>
[GenerateSerializer, Immutable, Alias("quant.GenerationRecord")]
public sealed record GenerationRecord(
    [property: Id(0)] int Generation, [property: Id(1)] double Best, [property: Id(2)] double Mean, [property: Id(3)] double BestSoFar, [property: Id(4)] int NewEvaluations);
