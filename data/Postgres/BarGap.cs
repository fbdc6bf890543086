namespace QuantCluster.Data.Postgres;

/// <summary>
/// A hole in a stored series: the bars on either side (UTC) and how many bars of the timeframe
/// would fit between them.
/// </summary>
public sealed record BarGap(DateTime LastBarBefore, DateTime FirstBarAfter, long MissingBars);
