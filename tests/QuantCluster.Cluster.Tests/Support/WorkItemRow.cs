namespace QuantCluster.Cluster.Tests.Support;

/// <summary>One row of the queue: where the item stands, its latest attempt, and why earlier attempts did not count.</summary>
internal sealed record WorkItemRow(string State, int Attempt, int Failures, string? LastError);
