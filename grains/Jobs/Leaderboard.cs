using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;

namespace QuantCluster.Grains.Jobs;

/// <summary>Ranking of stored results by a job's objective: the one rule the owner, the Strategy grain and the client share.</summary>
public static class Leaderboard
{
    /// <summary>The best <paramref name="count"/> qualifying results, best first; ties keep input order, so merging the best so far with later results gives the same order however the work was spread.</summary>
    public static IReadOnlyList<EvaluationResult> Top(Objective objective, IReadOnlyList<EvaluationResult> results, int count) =>
        objective.Best(results.Select(r => r.Metrics).ToArray(), count).Select(i => results[i]).ToArray();
}
