namespace QuantCluster.Engine.Indicators;

/// <summary>
/// Relative strength index with Wilder's smoothing. The first value is at index period: the
/// simple averages of the first period gains and losses, then avg = (avg * (period - 1) + x) / period.
/// </summary>
public static class Rsi
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
        output[..source.Length].Fill(double.NaN);
        if (source.Length <= period)
        {
            return;
        }

        double gain = 0, loss = 0;
        for (int i = 1; i <= period; i++)
        {
            double change = source[i] - source[i - 1];
            gain += Math.Max(change, 0);
            loss += Math.Max(-change, 0);
        }

        gain /= period;
        loss /= period;
        output[period] = FromAverages(gain, loss);
        for (int i = period + 1; i < source.Length; i++)
        {
            double change = source[i] - source[i - 1];
            gain = (gain * (period - 1) + Math.Max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.Max(-change, 0)) / period;
            output[i] = FromAverages(gain, loss);
        }
    }

    private static double FromAverages(double gain, double loss)
    {
        if (loss == 0)
        {
            // No losses: 100, unless the price did not move at all, which is neutral.
            return gain == 0 ? 50 : 100;
        }

        return 100 - 100 / (1 + gain / loss);
    }
}
