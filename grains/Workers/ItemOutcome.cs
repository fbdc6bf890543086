using QuantCluster.Contracts.Jobs;

namespace QuantCluster.Grains.Workers;

/// <summary>What became of an item in a worker's hands: done (its results stored), or failed with a reason. Exactly one is set.</summary>
internal readonly record struct ItemOutcome(ItemCompletion? Completion, ItemFailure? Failure);
