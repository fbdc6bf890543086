namespace QuantCluster.Grains.Store;

/// <summary>A silo's membership, as Orleans' membership table keeps it.</summary>
public enum SiloStatus
{
    Active,

    /// <summary>Declared dead by another silo after missing heartbeats.</summary>
    Dead,

    /// <summary>Left cleanly.</summary>
    Left,
}
