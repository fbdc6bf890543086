namespace QuantCluster.Contracts.Strategies;

/// <summary>One row of a strategy's leaderboard: the symbol, the job that found it, and the result.</summary>
[GenerateSerializer, Immutable, Alias("quant.StrategyLeaderboardEntry")]
public sealed record StrategyLeaderboardEntry([property: Id(0)] string Symbol, [property: Id(1)] Guid JobId, [property: Id(2)] EvaluationResult Result);
