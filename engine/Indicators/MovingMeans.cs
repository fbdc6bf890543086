using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuantCluster.Engine.Indicators;

/// <summary>
/// Simple moving averages of eight consecutive bars at once, straight from the prefix sums:
/// the operations of <see cref="PrefixSums.Mean(int, int, double)"/> in the same order, so each
/// value equals <see cref="Sma"/>'s to the bit. A sweep that compares averages reads one shared
/// array this way instead of an array per period.
/// </summary>
internal static class MovingMeans
{
    /// <summary>Whether this CPU runs the eight-wide form.</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <summary>
    /// The same averages from the high parts alone: two loads and a multiply instead of the
    /// double-double arithmetic, within <see cref="PrefixSums.ApproximateMeanError"/> of the exact ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> EightApproximately(PrefixSums sums, int t, int period, Vector512<double> reciprocal)
    {
        var high = sums.High;
        return (Vector512.Create(high.Slice(t + 1, 8)) - Vector512.Create(high.Slice(t + 1 - period, 8))) * reciprocal;
    }

    /// <summary>The averages over <paramref name="period"/> bars ending at bars t..t+7; needs t + 1 &gt;= period.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Eight(PrefixSums sums, int t, int period, Vector512<double> reciprocal, Vector512<double> count)
    {
        var high = sums.High;
        var low = sums.Low;
        int end = t + 1, start = t + 1 - period;
        var a = Vector512.Create(high.Slice(end, 8));
        var b = Vector512.Create(high.Slice(start, 8));
        var sum = a - b;
        var back = sum - a;
        var error = (a - (sum - back)) - (b + back);
        var rest = error + (Vector512.Create(low.Slice(end, 8)) - Vector512.Create(low.Slice(start, 8)));
        var mean = sum * reciprocal;
        var remainder = Vector512.FusedMultiplyAdd(-mean, count, sum) + rest;
        return mean + remainder * reciprocal;
    }
}
