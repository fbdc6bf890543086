namespace QuantCluster.Engine.Indicators;

/// <summary>
/// Population standard deviation (divided by period) of the last period values, the convention of
/// Bollinger bands and TA-Lib's STDDEV. The first value is at index period - 1.
/// </summary>
public static class RollingStandardDeviation
{
    public static double[] Compute(ReadOnlySpan<double> source, int period)
    {
        var output = new double[source.Length];
        Compute(source, period, output);
        return output;
    }

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> output)
    {
        IndicatorGuard.Check(source, period, output);
        var mean = new double[source.Length];
        Sma.Compute(source, period, mean);
        Compute(source, period, mean, output);
    }

    /// <summary>With the rolling mean already at hand (Bollinger bands and z-scores have it).</summary>
    internal static void Compute(ReadOnlySpan<double> source, int period, ReadOnlySpan<double> mean, Span<double> output)
    {
        for (int i = 0; i < source.Length; i++)
        {
            if (i < period - 1)
            {
                output[i] = double.NaN;
                continue;
            }

            // Two-pass over the window: the running sum-of-squares form cancels catastrophically
            // when the price level is large against its variation.
            // A flat window deviates by exactly 0, even when the rolling mean is an ulp off its value.
            double m = mean[i], squares = 0, first = source[i - period + 1];
            bool flat = true;
            for (int k = i - period + 1; k <= i; k++)
            {
                double d = source[k] - m;
                squares += d * d;
                flat &= source[k] == first;
            }

            output[i] = flat ? 0 : Math.Sqrt(squares / period);
        }
    }
}
