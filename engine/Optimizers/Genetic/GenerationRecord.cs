namespace QuantCluster.Engine.Optimizers.Genetic;

/// <summary>One generation of a genetic search, as its history shows it.</summary>
/// <param name="Generation">From 0.</param>
/// <param name="Best">The best score in this generation's population (scores are higher-is-better; see <see cref="GeneticSearch"/>).</param>
/// <param name="Mean">The mean score of the population's members that qualified; NaN when none did.</param>
/// <param name="BestSoFar">The best score of every genome evaluated up to and including this generation.</param>
/// <param name="NewEvaluations">Genomes this generation evaluated that no earlier one had.</param>
public sealed record GenerationRecord(int Generation, double Best, double Mean, double BestSoFar, int NewEvaluations);
