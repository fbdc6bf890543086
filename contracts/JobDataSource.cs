namespace QuantCluster.Contracts;

/// <summary>The bars a job runs on: one stored series, optionally cut to [From, To] (UTC).</summary>
public sealed record JobDataSource(string Symbol, string Timeframe, DateTime? From = null, DateTime? To = null);
