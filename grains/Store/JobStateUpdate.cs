using QuantCluster.Contracts;

namespace QuantCluster.Grains.Store;

/// <summary>A write of a job's status, phase and state, valid only against the version it was based on.</summary>
public sealed record JobStateUpdate(Guid JobId, long ExpectedVersion, JobStatus Status, int Phase, string? State);
