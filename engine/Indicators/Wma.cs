namespace QuantCluster.Engine.Indicators;

/// <summary>Linearly weighted moving average: the newest value weighs period, the oldest 1.</summary>
public static class Wma
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
        double denominator = period * (period + 1) / 2.0;
        for (int i = 0; i < source.Length; i++)
        {
            if (i < period - 1)
            {
                output[i] = double.NaN;
                continue;
            }

            // Direct sum per bar: the incremental form subtracts a running sum and loses the
            // last digits on long series; periods are small enough that this stays cheap.
            double weighted = 0;
            for (int k = 0; k < period; k++)
            {
                weighted += source[i - period + 1 + k] * (k + 1);
            }

            output[i] = weighted / denominator;
        }
    }
}
