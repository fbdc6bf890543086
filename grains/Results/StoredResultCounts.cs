namespace QuantCluster.Grains.Results;

/// <summary>Work items whose results a job has stored, and the parameter sets they hold.</summary>
public sealed record StoredResultCounts(long Items, long Sets);
