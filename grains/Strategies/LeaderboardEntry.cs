using QuantCluster.Contracts;

namespace QuantCluster.Grains.Strategies;

/// <summary>One row of a strategy's leaderboard: the symbol, the job that found it, and the result.</summary>
public sealed record LeaderboardEntry(string Symbol, Guid JobId, EvaluationResult Result);
