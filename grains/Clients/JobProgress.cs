using QuantCluster.Contracts;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Store;

namespace QuantCluster.Grains.Clients;

/// <summary>A job as a watcher sees it: the record, the owner's last persisted state, and its work items now.</summary>
public sealed record JobProgress(JobRecord Job, OptimizationJobState? State, WorkItemCounts Counts)
{
    public bool IsFinal => Job.Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>Items of the whole sweep; 0 until the first owner has cut it.</summary>
    public long TotalItems => State?.Plan.TotalItems ?? 0;

    /// <summary>Done so far, from 0 to 1.</summary>
    public double Fraction => Job.Status == JobStatus.Completed ? 1 : TotalItems == 0 ? 0 : Math.Min(1, (double)Counts.Completed / TotalItems);

    /// <summary>
    /// Parameter sets evaluated: exact at phase boundaries, estimated within a phase from the items
    /// completed (an item holds <see cref="BatchPlan.SetsPerItem"/> sets on average).
    /// </summary>
    public long Evaluations
    {
        get
        {
            if (State is null)
            {
                return 0;
            }

            if (IsFinal)
            {
                return State.Evaluated;
            }

            long done = Counts.Completed - State.Plan.ItemsOf(Job.Phase).First;
            return State.Evaluated + Math.Max(0, done) * State.Plan.SetsPerItem;
        }
    }

    public EvaluationResult? Best => State?.Best.Count > 0 ? State.Best[0] : null;
}
