using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Store;

namespace QuantCluster.Grains.Strategies;

/// <summary>
/// The Strategy grain: a strategy's parameter schema, and its leaderboard per symbol, drawn from the
/// best results every completed job of the strategy kept. It stores nothing of its own: the jobs'
/// persisted states are the record, so any silo or client can answer.
/// </summary>
public sealed class StrategyGrain(IClusterStore store, Strategy strategy)
{
    public Strategy Schema => strategy;

    /// <summary>
    /// The best results of the strategy's completed jobs, per symbol (of <paramref name="symbol"/> only,
    /// when given), ranked by <paramref name="objective"/>: at most <paramref name="top"/> per symbol,
    /// symbols in order. A job keeps its best 100 by its own objective, so a ranking by another metric
    /// sees those only.
    /// </summary>
    public async Task<IReadOnlyList<LeaderboardEntry>> LeaderboardAsync(
        Objective objective, int top, string? symbol = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var entries = new List<LeaderboardEntry>();
        foreach (var job in await store.ListJobsAsync(cancellationToken))
        {
            if (job.Status != JobStatus.Completed || job.State is null
                || !string.Equals(job.Spec.Strategy, strategy.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string jobSymbol = SymbolOf(job.Spec.Data);
            if (symbol is not null && !string.Equals(jobSymbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var state = ClusterJson.Read<OptimizationJobState>(job.State);
            entries.AddRange(state.Best.Select(result => new LeaderboardEntry(jobSymbol, job.JobId, result)));
        }

        return entries
            .GroupBy(e => e.Symbol, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var group = g.ToArray();
                return objective.Best(group.Select(e => e.Result.Metrics).ToArray(), int.MaxValue)
                    .Select(i => group[i])
                    .DistinctBy(e => string.Join(",", e.Result.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))
                    .Take(top);
            })
            .ToArray();
    }

    /// <summary>A job's symbol: the one named, or else the file's name (a file of one symbol need not name it).</summary>
    public static string SymbolOf(JobDataSource data) =>
        !string.IsNullOrEmpty(data.Symbol) ? data.Symbol : data.Path is { } path ? Path.GetFileNameWithoutExtension(path) : "?";
}
