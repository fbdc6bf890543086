namespace QuantCluster.Grains.Store;

/// <summary>A silo joining the cluster: its id (unique per process start), the host it runs on, and when it started.</summary>
public sealed record SiloRegistration(string SiloId, string Host, DateTimeOffset StartedAt);
