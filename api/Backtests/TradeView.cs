namespace QuantCluster.Api.Backtests;

/// <summary>A completed round trip: side, entry and exit (UTC milliseconds) and prices, and its return with both commissions.</summary>
public sealed record TradeView(string Side, double Entry, double EntryPrice, double Exit, double ExitPrice, double Return);
