namespace QuantCluster.Contracts.Jobs;

/// <summary>
/// The cluster's list of jobs (one grain, key 0, in grain storage): what `quant job list` shows, and
/// which jobs have work, which idle workers wait on so that a new job or returned work wakes them at once.
/// </summary>
public interface IJobRegistryGrain : IGrainWithIntegerKey
{
    Task AddAsync(JobSummary job);

    Task SetStatusAsync(Guid jobId, JobStatus status);

    /// <summary>Every job, oldest first.</summary>
    Task<IReadOnlyList<JobSummary>> ListAsync();

    /// <summary>
    /// The running jobs, as soon as they differ from <paramref name="seenVersion"/> (a job added,
    /// ended, or announcing work), or after <paramref name="wait"/> whatever happened.
    /// </summary>
    Task<ActiveJobs> WaitForWorkAsync(long seenVersion, TimeSpan wait);

    /// <summary>Says that a job has work free again (returned by a dead silo, or a new phase).</summary>
    Task AnnounceWorkAsync(Guid jobId);
}
