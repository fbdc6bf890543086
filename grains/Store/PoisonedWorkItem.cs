namespace QuantCluster.Grains.Store;

/// <summary>An item that failed too often, with how often and the error of its last attempt.</summary>
public sealed record PoisonedWorkItem(Guid JobId, long ItemIndex, int Failures, string Error);
