namespace QuantCluster.Grains.Store;

/// <summary>
/// A work item a silo holds until <see cref="LeaseUntil"/>. <see cref="Attempt"/> is the fencing
/// token: completing or failing the item is accepted only while no later claim has taken it over.
/// </summary>
public sealed record ClaimedWorkItem(Guid JobId, long ItemIndex, int Phase, string Payload, int Attempt, DateTimeOffset LeaseUntil);
