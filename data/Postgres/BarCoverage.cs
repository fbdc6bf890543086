namespace QuantCluster.Data.Postgres;

/// <summary>
/// The stored bars of one symbol and timeframe: first and last bar (UTC), how many there are,
/// and where the most recent import came from and when it ran.
/// </summary>
public sealed record BarCoverage(
    string Symbol, string Timeframe, DateTime FirstBar, DateTime LastBar, long BarCount, string Source, DateTime UpdatedAt);
