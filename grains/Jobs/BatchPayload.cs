namespace QuantCluster.Grains.Jobs;

/// <summary>A work item's payload: positions [Start, End) of the job's enumeration (see <see cref="SweepDefinition.SetsAt"/>).</summary>
public sealed record BatchPayload(long Start, long End);
