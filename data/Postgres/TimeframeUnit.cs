namespace QuantCluster.Data.Postgres;

/// <summary>The unit of a <see cref="Timeframe"/>, written as its letter: s, m, h, d or w.</summary>
public enum TimeframeUnit
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
}
