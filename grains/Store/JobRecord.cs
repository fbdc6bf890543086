using QuantCluster.Contracts;

namespace QuantCluster.Grains.Store;

/// <summary>
/// A stored job: its spec, status, phase (GA generation, walk-forward fold), the owner's state as
/// opaque JSON (best-so-far, counters, RNG state), the owner's lease, and the version every write
/// checks and moves on (an Orleans ETag).
/// </summary>
public sealed record JobRecord(
    Guid JobId,
    JobSpec Spec,
    JobStatus Status,
    int Phase,
    string? State,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
