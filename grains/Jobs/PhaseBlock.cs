namespace QuantCluster.Grains.Jobs;

/// <summary>
/// The work items of one phase of one search: a grid's or random search's whole enumeration, or a
/// genetic generation's new genomes. Items are numbered across the job, so a block holds the range
/// [<see cref="FirstItem"/>, <see cref="FirstItem"/> + <see cref="Items"/>); blocks are appended as
/// phases start and never change after.
/// </summary>
public sealed class PhaseBlock
{
    /// <summary>The search (a walk-forward fold, or the job's only one) the phase belongs to.</summary>
    public int Track { get; set; }

    /// <summary>The phase within its search: a genetic generation, 0 otherwise.</summary>
    public int Phase { get; set; }

    public long FirstItem { get; set; }

    public required BatchPlan Plan { get; set; }

    /// <summary>The genomes the phase evaluates, by grid index; null for a grid or random enumeration.</summary>
    public List<long>? GridIndices { get; set; }

    /// <summary>Items of the block done: the phase ends when all are.</summary>
    public long ItemsDone { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public long Items => Plan.TotalItems;

    public bool Contains(long item) => item >= FirstItem && item < FirstItem + Items;
}
