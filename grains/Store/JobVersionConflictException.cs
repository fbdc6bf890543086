namespace QuantCluster.Grains.Store;

/// <summary>
/// A job update was based on a version that is no longer current: another writer (a new owner, a
/// cancellation) got there first. The writer must reread the job; nothing was written.
/// </summary>
public sealed class JobVersionConflictException : Exception
{
    public JobVersionConflictException()
        : base("The job was changed since it was read.")
    {
    }

    public JobVersionConflictException(string message)
        : base(message)
    {
    }

    public JobVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JobVersionConflictException(Guid jobId, long expectedVersion, long currentVersion)
        : base($"Job {jobId} is at version {currentVersion}, not {expectedVersion}: it was changed since it was read, so the update was refused.")
    {
        JobId = jobId;
        ExpectedVersion = expectedVersion;
        CurrentVersion = currentVersion;
    }

    public Guid JobId { get; }

    public long ExpectedVersion { get; }

    public long CurrentVersion { get; }
}
