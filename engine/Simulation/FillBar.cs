using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    /// <summary>The same formula for four lanes at once, operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Return(
        Vector256<double> oldWeight, Vector256<double> newWeight, double openingRatio, double closingRatio,
        double commissionRate, in SlippageFactors slippage, out Vector256<double> exitFactor)
    {
        var one = Vector256<double>.One;
        var buying = Vector256.GreaterThan(newWeight, oldWeight);
        var selling = Vector256.LessThan(newWeight, oldWeight);
        var slip = Vector256.ConditionalSelect(buying, slippage.Buy, Vector256.ConditionalSelect(selling, slippage.Sell, one));
        var inverse = Vector256.ConditionalSelect(buying, slippage.InverseBuy, Vector256.ConditionalSelect(selling, slippage.InverseSell, one));
        var oldLeg = oldWeight * (Vector256.Create(openingRatio) * slip - one);
        var commission = Vector256.Create(commissionRate);
        exitFactor = one + oldLeg - commission * Vector256.Abs(oldWeight);
        var afterFill = exitFactor - commission * Vector256.Abs(newWeight);
        return afterFill * (one + newWeight * (Vector256.Create(closingRatio) * inverse - one)) - one;
    }
}
