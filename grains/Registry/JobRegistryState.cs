using QuantCluster.Contracts.Jobs;

namespace QuantCluster.Grains.Registry;

/// <summary>What the job registry keeps in grain storage: a line per job, oldest first.</summary>
public sealed class JobRegistryState
{
    public List<JobSummary> Jobs { get; set; } = [];
}
