namespace QuantCluster.Cluster.Tests.Support;

/// <summary>A silo a test killed, and the work items it held claimed when it died.</summary>
internal sealed record KilledSilo(string SiloId, IReadOnlyList<HeldItem> Held);
