namespace QuantCluster.Grains.Store.InMemory;

/// <summary>One work item's row, changed only under the in-memory store's lock.</summary>
internal sealed class StoredWorkItem(Guid jobId, NewWorkItem item)
{
    public Guid JobId { get; } = jobId;

    public long ItemIndex { get; } = item.ItemIndex;

    public int Phase { get; } = item.Phase;

    public string Payload { get; } = item.Payload;

    public WorkItemState State { get; set; } = WorkItemState.Pending;

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Claims so far: the fencing token of the current claim.</summary>
    public int Attempt { get; set; }

    public int Failures { get; set; }

    public string? LastError { get; set; }

    public bool IsClaimable(DateTimeOffset now) =>
        State == WorkItemState.Pending || (State == WorkItemState.Claimed && LeaseUntil <= now);

    public bool IsHeldBy(ClaimedWorkItem claim) => State == WorkItemState.Claimed && Attempt == claim.Attempt;

    /// <summary>
    /// Counts the expired lease of the current claim as a failed attempt, as the PostgreSQL claim
    /// does; true when that poisons the item, which is then not to be claimed.
    /// </summary>
    public bool CountExpiredLease(int poisonLimit)
    {
        Failures++;
        LastError = $"the lease of attempt {Attempt} by {ClaimedBy} expired";
        if (Failures < poisonLimit)
        {
            return false;
        }

        ReturnToPending();
        Attempt++;
        State = WorkItemState.Poisoned;
        return true;
    }

    public void ReturnToPending()
    {
        State = WorkItemState.Pending;
        ClaimedBy = null;
        LeaseUntil = null;
    }
}
