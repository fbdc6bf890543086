namespace QuantCluster.Grains.Store;

/// <summary>What became of a reported failure.</summary>
public enum FailureOutcome
{
    /// <summary>The item is pending again for another attempt.</summary>
    WillRetry,

    /// <summary>The item reached the poison limit: it stays failed, with the error kept.</summary>
    Poisoned,

    /// <summary>The claim no longer holds the item: nothing was recorded.</summary>
    Lost,
}
