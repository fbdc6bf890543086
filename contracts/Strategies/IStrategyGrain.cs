namespace QuantCluster.Contracts.Strategies;

/// <summary>
/// One strategy (key: its name): its parameter schema, and its leaderboard per symbol, fed by the
/// best results of every job of the strategy that completes.
/// </summary>
public interface IStrategyGrain : IGrainWithStringKey
{
    /// <exception cref="ArgumentException">There is no strategy of that name.</exception>
    Task<StrategySchema> GetSchemaAsync();

    /// <summary>Adds a completed job's best results; recording the same job again replaces its entries.</summary>
    Task RecordAsync(Guid jobId, string symbol, IReadOnlyList<EvaluationResult> best);

    /// <summary>
    /// The best results per symbol (of <paramref name="symbol"/> only, when given), ranked by
    /// <paramref name="metric"/> in its natural direction, at most <paramref name="top"/> per symbol, symbols in order.
    /// </summary>
    Task<IReadOnlyList<StrategyLeaderboardEntry>> GetLeaderboardAsync(string metric, int minTrades, int top, string? symbol);
}
