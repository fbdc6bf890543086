namespace QuantCluster.Contracts;

/// <summary>
/// One evaluated parameter set: the work item that produced it, its parameter values by name,
/// and its metrics. A leaderboard is these, ranked by the job's objective.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.EvaluationResult")]
public sealed record EvaluationResult(
    [property: Id(0)] long ItemIndex, [property: Id(1)] IReadOnlyDictionary<string, double> Parameters, [property: Id(2)] Metrics Metrics);
