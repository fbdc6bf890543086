namespace QuantCluster.Grains.Store.InMemory;

/// <summary>The states a work item moves through; the PostgreSQL store spells the same ones in lower case.</summary>
internal enum WorkItemState
{
    Pending,
    Claimed,
    Completed,
    Poisoned,
}
