namespace QuantCluster.Grains.Store;

/// <summary>
/// A work item to add: its index within the job (unique across the job's phases), its phase, and
/// the payload a worker needs, as JSON (for a grid batch, an index range [start, end) into the
/// mixed-radix enumeration, so a huge grid never becomes rows).
/// </summary>
public sealed record NewWorkItem(long ItemIndex, int Phase, string Payload);
