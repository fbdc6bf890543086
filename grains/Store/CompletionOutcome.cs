namespace QuantCluster.Grains.Store;

/// <summary>What became of a completion.</summary>
public enum CompletionOutcome
{
    /// <summary>The item is completed and its results are stored.</summary>
    Completed,

    /// <summary>This same attempt had already completed it (a retried call): nothing was stored again.</summary>
    AlreadyCompleted,

    /// <summary>The claim no longer holds the item (taken over, released or poisoned): nothing was stored.</summary>
    Lost,
}
