namespace QuantCluster.Grains.Store;

/// <summary>A job's work items by state. Claimed includes items whose lease has expired but were not claimed again yet.</summary>
public sealed record WorkItemCounts(long Pending, long Claimed, long Completed, long Poisoned)
{
    public long Total => Pending + Claimed + Completed + Poisoned;
}
