namespace QuantCluster.Engine.Simulation;

/// <summary>
/// The return of a bar on which the position changes: the one definition that the single
/// backtest and the sweep kernel both use. The old position earns the previous close to the
/// fill price, the commission is charged at the fill on the traded notional, and the new
/// position earns the fill price to the close. The fill price is the reference price (the next
/// open, or this close) moved against the trade by the slippage.
/// </summary>
internal static class FillBar
{
    /// <param name="exitFactor">
    /// Equity just after the old position is closed and its share of the commission paid,
    /// relative to the equity at the previous close: where one trade ends and the next begins.
    /// </param>
    public static double Return(
        double oldWeight, double newWeight, double previousClose, double referencePrice, double close,
        double commissionRate, double slippageRate, out double fillPrice, out double exitFactor)
    {
        fillPrice = referencePrice * (1 + Math.Sign(newWeight - oldWeight) * slippageRate);
        double oldLeg = oldWeight == 0 ? 0 : oldWeight * (fillPrice / previousClose - 1);

        // Positions are flat or one fixed fraction long or short, so a fill closes the old
        // position entirely and |new - old| = |old| + |new|.
        exitFactor = 1 + oldLeg - commissionRate * Math.Abs(oldWeight);
        double afterFill = exitFactor - commissionRate * Math.Abs(newWeight);
        return afterFill * (1 + newWeight * (close / fillPrice - 1)) - 1;
    }
}
