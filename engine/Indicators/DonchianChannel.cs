namespace QuantCluster.Engine.Indicators;

/// <summary>Upper = highest high and lower = lowest low of the last period bars (the current one included).</summary>
public sealed record DonchianChannel(double[] Upper, double[] Lower)
{
    public double Middle(int index) => (Upper[index] + Lower[index]) / 2;

    public static DonchianChannel Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (high.Length != low.Length)
        {
            throw new ArgumentException("high and low must have the same length.");
        }

        return new DonchianChannel(RollingExtreme(high, period, max: true), RollingExtreme(low, period, max: false));
    }

    /// <summary>Monotonic-deque sliding extreme: O(n) whatever the period.</summary>
    private static double[] RollingExtreme(ReadOnlySpan<double> source, int period, bool max)
    {
        var output = new double[source.Length];
        var deque = new int[source.Length];
        int head = 0, tail = 0;
        for (int i = 0; i < source.Length; i++)
        {
            while (tail > head && (max ? source[deque[tail - 1]] <= source[i] : source[deque[tail - 1]] >= source[i]))
            {
                tail--;
            }

            deque[tail++] = i;
            if (deque[head] <= i - period)
            {
                head++;
            }

            output[i] = i >= period - 1 ? source[deque[head]] : double.NaN;
        }

        return output;
    }
}
