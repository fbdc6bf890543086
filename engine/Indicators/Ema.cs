namespace QuantCluster.Engine.Indicators;

/// <summary>
/// Exponential moving average with smoothing 2 / (period + 1), seeded with the simple average of
/// the first period values (index period - 1), as TA-Lib and most charting tools do.
/// </summary>
public static class Ema
{
    public static double[] Compute(ReadOnlySpan<double> source, int period)
    {
        var output = new double[source.Length];
        Compute(source, period, output);
        return output;
    }

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> output) =>
        Compute(source, period, 2.0 / (period + 1), output);

    /// <summary>An exponential average with any smoothing factor, seeded with the simple average of the first period values.</summary>
    internal static void Compute(ReadOnlySpan<double> source, int period, double alpha, Span<double> output)
    {
        IndicatorGuard.Check(source, period, output);
        if (source.Length < period)
        {
            output[..source.Length].Fill(double.NaN);
            return;
        }

        double seed = 0;
        for (int i = 0; i < period; i++)
        {
            seed += source[i];
            output[i] = double.NaN;
        }

        double value = seed / period;
        output[period - 1] = value;
        for (int i = period; i < source.Length; i++)
        {
            value += alpha * (source[i] - value);
            output[i] = value;
        }
    }
}
