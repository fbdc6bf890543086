namespace QuantCluster.Cluster.Tests.Support;

/// <summary>A work item a silo has claimed and not yet completed, under the attempt number that fences its completion.</summary>
internal sealed record HeldItem(Guid JobId, long ItemIndex, int Attempt);
