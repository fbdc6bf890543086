namespace QuantCluster.Interop.Tests.Backtest;

/// <summary>What the DuckDB reference script prints for one backtest (sharpe is null when the returns have no spread).</summary>
internal sealed record ReferenceMetrics(int Bars, double TotalReturn, double MaxDrawdown, double? Sharpe, int Fills);
