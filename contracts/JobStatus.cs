namespace QuantCluster.Contracts;

/// <summary>Where a sweep job is in its life. Completed, Failed and Cancelled are final.</summary>
public enum JobStatus
{
    /// <summary>Submitted; no silo has started it yet.</summary>
    Pending,

    /// <summary>An owner silo is expanding phases and workers are evaluating them.</summary>
    Running,

    Completed,

    Failed,

    Cancelled,
}
