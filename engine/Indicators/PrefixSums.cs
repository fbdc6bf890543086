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
        double high = 0, low = 0;
        for (int i = 0; i < source.Length; i++)
        {
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
        }
    }

    public int Count => _high.Length - 1;

    /// <summary>The sum of source[start..end).</summary>
    public double Sum(int start, int end) => (_high[end] - _high[start]) + (_low[end] - _low[start]);
}
