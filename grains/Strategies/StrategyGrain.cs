using QuantCluster.Contracts;
using QuantCluster.Contracts.Strategies;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Hosting;

namespace QuantCluster.Grains.Strategies;

/// <summary>
/// The Strategy grain (key: the strategy's name): its parameter schema from the engine's catalog, and
/// a leaderboard per symbol over the best results every completed job of the strategy kept.
/// </summary>
internal sealed class StrategyGrain(
    [PersistentState("strategy", GrainStorage.Name)] IPersistentState<StrategyGrainState> stored) : Grain, IStrategyGrain
{
    public Task<StrategySchema> GetSchemaAsync()
    {
        var strategy = StrategyCatalog.Find(this.GetPrimaryKeyString());
        return Task.FromResult(new StrategySchema(
            strategy.Name,
            strategy.Description,
            [.. strategy.Parameters.Select(p => new StrategyParameter(p.Name, p.Kind.ToString().ToLowerInvariant(), p.Min, p.Max, p.Default, p.Choices, p.Description))],
            strategy.Constraints));
    }

    public async Task RecordAsync(Guid jobId, string symbol, IReadOnlyList<EvaluationResult> best)
    {
        ArgumentNullException.ThrowIfNull(best);
        var entries = stored.State.Entries;
        entries.RemoveAll(e => e.JobId == jobId);
        entries.AddRange(best.Select(result => new StrategyLeaderboardEntry(symbol, jobId, result)));
        await stored.WriteStateAsync();
    }

    public Task<IReadOnlyList<StrategyLeaderboardEntry>> GetLeaderboardAsync(string metric, int minTrades, int top, string? symbol)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var objective = Objective.For(metric, minTrades);
        IReadOnlyList<StrategyLeaderboardEntry> board = [.. stored.State.Entries
            .Where(e => symbol is null || string.Equals(e.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.Symbol, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var group = g.ToArray();
                return objective.Best([.. group.Select(e => e.Result.Metrics)], int.MaxValue)
                    .Select(i => group[i])
                    .DistinctBy(e => string.Join(",", e.Result.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))
                    .Take(top);
            })];
        return Task.FromResult(board);
    }

    /// <summary>A job's symbol: the one named, or else the file's name (a file of one symbol need not name it).</summary>
    public static string SymbolOf(JobDataSource data) =>
        !string.IsNullOrEmpty(data.Symbol) ? data.Symbol : data.Path is { } path ? Path.GetFileNameWithoutExtension(path) : "?";
}
