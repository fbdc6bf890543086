using System.Runtime.CompilerServices;
using QuantCluster.Engine.Sweeps.Lanes;

namespace QuantCluster.Engine.Simulation;

/// <summary>
/// The return of a bar on which the position changes: the one definition that the single
/// backtest and the sweep kernel both use. The old position earns the previous close to the
/// fill price, the commission is charged at the fill on the traded notional, and the new
/// position earns the fill price to the close. The fill price is the reference price (the next
/// open, or this close) moved against the trade by the slippage: reference x (1 ± slippage).
/// </summary>
/// <remarks>
/// Written with the price ratios reference / previous close and close / reference, and the
/// slippage as a factor and its reciprocal, so that a bar needs two divisions whatever the
/// number of lanes; the scalar and vector forms apply the same operations in the same order and
/// so round identically.
/// </remarks>
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
        int direction = Math.Sign(newWeight - oldWeight);
        double slip = 1 + direction * slippageRate;
        fillPrice = referencePrice * slip;
        double oldLeg = oldWeight * (referencePrice / previousClose * slip - 1);

        // Positions are flat or one fixed fraction long or short, so a fill closes the old
        // position entirely and |new - old| = |old| + |new|.
        exitFactor = 1 + oldLeg - commissionRate * Math.Abs(oldWeight);
        double afterFill = exitFactor - commissionRate * Math.Abs(newWeight);
        return afterFill * (1 + newWeight * (close / referencePrice * (1 / slip) - 1)) - 1;
    }

    /// <summary>The same formula for eight lanes at once, operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Return<TLanes>(
        TLanes oldWeight, TLanes newWeight, double openingRatio, double closingRatio, double commissionRate, in SlippageFactors<TLanes> slippage,
        out TLanes exitFactor)
        where TLanes : struct, ILanes<TLanes>
    {
        var one = TLanes.One;
        var buying = TLanes.GreaterThan(newWeight, oldWeight);
        var selling = TLanes.LessThan(newWeight, oldWeight);
        var slip = TLanes.Select(buying, slippage.Buy, TLanes.Select(selling, slippage.Sell, one));
        var inverse = TLanes.Select(buying, slippage.InverseBuy, TLanes.Select(selling, slippage.InverseSell, one));
        var oldLeg = oldWeight * (TLanes.Create(openingRatio) * slip - one);
        var commission = TLanes.Create(commissionRate);
        exitFactor = one + oldLeg - commission * TLanes.Abs(oldWeight);
        var afterFill = exitFactor - commission * TLanes.Abs(newWeight);
        return afterFill * (one + newWeight * (TLanes.Create(closingRatio) * inverse - one)) - one;
    }
}
