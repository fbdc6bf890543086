namespace QuantCluster.Engine.Metrics;

/// <summary>
/// Everything the metrics are computed from, accumulated over a backtest. The single backtest
/// and the sweep kernel each fill one, and <see cref="MetricsCalculator"/> turns it into metrics,
/// so there is one definition of every metric.
/// </summary>
internal struct ReturnStatistics
{
    /// <summary>Bars in the backtest (N).</summary>
    public int Bars;

    /// <summary>Sum, sum of squares and downside sum of squares of r_1..r_{N-1}.</summary>
    public double Sum;
    public double SumOfSquares;
    public double DownsideSumOfSquares;

    public double FinalEquity;
    public double MaxDrawdown;

    /// <summary>Sum over all N bars of the squared drawdown from the running peak.</summary>
    public double DrawdownSumOfSquares;

    /// <summary>Bars that close with a position.</summary>
    public int ExposedBars;

    public int Fills;
    public int Trades;
    public int WinningTrades;

    /// <summary>Profit and loss of completed trades in equity units (the backtest starts at 1.0).</summary>
    public double GrossProfit;
    public double GrossLoss;
    public double SumOfTradeReturns;

    /// <summary>Historical 95% value at risk and expected shortfall of r_1..r_{N-1}, as losses.</summary>
    public double Var95;
    public double Cvar95;

    /// <summary>Number of returns in the 5% tail: ceil(0.05 n) for n returns, at least 1.</summary>
    public static int TailCount(int returns) => returns <= 0 ? 0 : Math.Max(1, (int)Math.Ceiling(0.05 * returns));
}
