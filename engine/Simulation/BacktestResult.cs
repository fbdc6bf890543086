namespace QuantCluster.Engine.Simulation;

/// <summary>A single backtest in full: metrics, the per-bar returns and equity curve, and the trades.</summary>
public sealed record BacktestResult(Contracts.Metrics Metrics, double[] Returns, double[] Equity, IReadOnlyList<Trade> Trades, double PeriodsPerYear);
