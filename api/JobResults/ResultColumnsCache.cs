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

    public Task<JobResultColumns> GetAsync(JobSnapshot job, CancellationToken cancellationToken)
    {
        if (!job.IsFinal)
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
