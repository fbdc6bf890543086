namespace QuantCluster.Engine.Strategies;

public enum Direction
{
    /// <summary>Long or flat, never short.</summary>
    LongOnly = 0,

    /// <summary>Long, flat or short.</summary>
    LongShort = 1,
}
