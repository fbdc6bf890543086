namespace QuantCluster.Engine.Indicators;

/// <summary>
/// Running sums of a series in double-double precision (a high and a low part), so that the sum
/// of any window is one subtraction and still exact to the last bit of a double: every moving
/// average of a sweep reads one shared pass instead of rolling its own sum.
/// </summary>
public sealed class PrefixSums
{
    private readonly double[] _high;
    private readonly double[] _low;

    public PrefixSums(ReadOnlySpan<double> source)
    {
        _high = new double[source.Length + 1];
        _low = new double[source.Length + 1];
        double high = 0, low = 0, largestValue = 0, largestSum = 0;
        for (int i = 0; i < source.Length; i++)
        {
            largestValue = Math.Max(largestValue, Math.Abs(source[i]));
            // Knuth's two-sum: high + x exactly equals sum + error, with no branches.
            double x = source[i];
            double sum = high + x;
            double back = sum - high;
            double error = (high - (sum - back)) + (x - back);
            low += error;
            high = sum + low;
            low -= high - sum;
            _high[i + 1] = high;
            _low[i + 1] = low;
            largestSum = Math.Max(largestSum, Math.Abs(high));
        }

        // The window sum from high parts alone loses at most 1.5 units in the last place of the
        // largest running sum (the difference's rounding and the dropped low parts); the multiply
        // by the reciprocal adds two roundings of the mean, the exact mean's own rounding half a
        // unit. Doubled for safety: still far below any real gap between two averages.
        double unit = Math.BitIncrement(largestSum) - largestSum;
        ApproximateMeanError = 2 * (1.5 * unit + 4e-16 * largestValue);
    }

    /// <summary>How far a mean from the high parts alone can be from <see cref="Mean(int, int, double)"/>.</summary>
    internal double ApproximateMeanError { get; }

    public int Count => _high.Length - 1;

    /// <summary>The high parts: index i holds the sum of source[0..i).</summary>
    internal ReadOnlySpan<double> High => _high;

    /// <summary>The low parts (what the high parts could not hold).</summary>
    internal ReadOnlySpan<double> Low => _low;

    /// <summary>The mean of source[start..end), rounded once from the exact window sum.</summary>
    public double Mean(int start, int end) => Mean(start, end, 1.0 / (end - start));

    /// <summary>The same, with the reciprocal of the window length given: a moving average reuses it for every bar.</summary>
    public double Mean(int start, int end, double reciprocal)
    {
        // The window sum as a double-double: the difference of the high parts with its own
        // rounding error (two-difference), plus the difference of the low parts.
        double a = _high[end], b = _high[start];
        double high = a - b;
        double back = high - a;
        double error = (a - (high - back)) - (b + back);
        double low = error + (_low[end] - _low[start]);

        // Scale, then correct the quotient by the exact remainder (a fused multiply-add), so
        // that a window of equal values averages to exactly that value.
        int count = end - start;
        double mean = high * reciprocal;
        double remainder = Math.FusedMultiplyAdd(-mean, count, high) + low;
        return mean + remainder * reciprocal;
    }
}
