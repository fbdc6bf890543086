using QuantCluster.Contracts.Strategies;

namespace QuantCluster.Grains.Strategies;

/// <summary>What a Strategy grain keeps in grain storage: the best results of each completed job of the strategy, by symbol.</summary>
public sealed class StrategyGrainState
{
    public List<StrategyLeaderboardEntry> Entries { get; set; } = [];
}
