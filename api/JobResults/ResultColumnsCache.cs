using QuantCluster.Contracts.Jobs;
using QuantCluster.Grains.Clients;

namespace QuantCluster.Api.JobResults;

/// <summary>
/// The result columns of the few ended jobs looked at last (an ended job's results never change), so
/// that moving between heatmap axes reads the store once; a job under way is read afresh every time.
/// </summary>
internal sealed class ResultColumnsCache(JobClient client)
{
    private const int Jobs = 8;

    private readonly Lock _gate = new();
    private readonly LinkedList<(Guid Job, Task<JobResultColumns> Columns)> _recent = new();

    /// <param name="job">The job with at least its best result, which the columns keep as the heatmaps' fixed point.</param>
    /// <param name="cancellationToken">Cancels the read of a job under way (an ended job's read is shared, so it runs on).</param>
    public Task<JobResultColumns> GetAsync(JobSnapshot job, CancellationToken cancellationToken)
    {
        if (!job.IsFinal || job.Best.Count == 0)
        {
            return JobResultColumns.ReadAsync(client, job, cancellationToken);
        }

        lock (_gate)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Job == job.JobId && !node.Value.Columns.IsFaulted && !node.Value.Columns.IsCanceled)
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return node.Value.Columns;
                }
            }

            var reading = JobResultColumns.ReadAsync(client, job, CancellationToken.None);
            _recent.AddFirst((job.JobId, reading));
            while (_recent.Count > Jobs)
            {
                _recent.RemoveLast();
            }

            return reading;
        }
    }
}
