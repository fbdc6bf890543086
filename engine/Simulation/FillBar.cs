using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// The same formula for four lanes at once, operation for operation, so that the sweep
    /// kernel's fill bars round exactly as the single backtest's do.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Return(
        Vector256<double> oldWeight, Vector256<double> newWeight, double previousClose, double referencePrice, double close,
        double commissionRate, double slippageRate, out Vector256<double> exitFactor)
    {
        var one = Vector256<double>.One;
        var direction = (Vector256.GreaterThan(newWeight, oldWeight) & one) - (Vector256.LessThan(newWeight, oldWeight) & one);
        var fillPrice = Vector256.Create(referencePrice) * (one + direction * Vector256.Create(slippageRate));
        var oldLeg = oldWeight * (fillPrice / Vector256.Create(previousClose) - one);
        var commission = Vector256.Create(commissionRate);
        exitFactor = one + oldLeg - commission * Vector256.Abs(oldWeight);
        var afterFill = exitFactor - commission * Vector256.Abs(newWeight);
        return afterFill * (one + newWeight * (Vector256.Create(close) / fillPrice - one)) - one;
    }
}
