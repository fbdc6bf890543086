using QuantCluster.Contracts;

namespace QuantCluster.Grains.Store.Postgres;

/// <summary>Job statuses as the jobs table spells them.</summary>
internal static class JobStatusText
{
    public static string Of(JobStatus status) => status switch
    {
        JobStatus.Pending => "pending",
        JobStatus.Running => "running",
        JobStatus.Completed => "completed",
        JobStatus.Failed => "failed",
        JobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a job status."),
    };

    public static JobStatus Parse(string text) => text switch
    {
        "pending" => JobStatus.Pending,
        "running" => JobStatus.Running,
        "completed" => JobStatus.Completed,
        "failed" => JobStatus.Failed,
        "cancelled" => JobStatus.Cancelled,
        _ => throw new FormatException($"'{text}' is not a job status."),
    };
}
