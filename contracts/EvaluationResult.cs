namespace QuantCluster.Contracts;

/// <summary>
/// One evaluated parameter set: the work item that produced it, its parameter values by name,
/// and its metrics. A leaderboard is these, ranked by the job's objective.
/// </summary>
public sealed record EvaluationResult(long ItemIndex, IReadOnlyDictionary<string, double> Parameters, Metrics Metrics);
