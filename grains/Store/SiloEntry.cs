namespace QuantCluster.Grains.Store;

/// <summary>One row of the membership table.</summary>
public sealed record SiloEntry(string SiloId, string Host, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, SiloStatus Status);
