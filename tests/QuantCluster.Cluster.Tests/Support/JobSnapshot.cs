namespace QuantCluster.Cluster.Tests.Support;

/// <summary>A job's row and its work items by state, read in one statement.</summary>
internal sealed record JobSnapshot(string Status, int Phase, string? Owner, long Completed, long Claimed, long Pending)
{
    public bool HasEnded => Status is "completed" or "failed" or "cancelled";

    public override string ToString() =>
        $"{Status}, phase {Phase}, owner {Owner ?? "none"}, items: {Completed} completed, {Claimed} claimed, {Pending} pending";
}
