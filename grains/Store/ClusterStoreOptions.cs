namespace QuantCluster.Grains.Store;

/// <summary>Settings shared by both store implementations.</summary>
public sealed record ClusterStoreOptions
{
    /// <summary>Failed attempts (reported failures and expired leases) after which a work item is poisoned rather than retried.</summary>
    public int PoisonLimit { get; init; } = 3;
}
