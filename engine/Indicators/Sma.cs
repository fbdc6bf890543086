namespace QuantCluster.Engine.Indicators;

/// <summary>Simple moving average; the first value is at index period - 1, earlier values are NaN.</summary>
public static class Sma
{
    public static double[] Compute(ReadOnlySpan<double> source, int period) => Compute(new PrefixSums(source), period);

    public static double[] Compute(PrefixSums sums, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var output = new double[sums.Count];
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = i >= period - 1 ? sums.Mean(i + 1 - period, i + 1) : double.NaN;
        }

        return output;
    }

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> output)
    {
        IndicatorGuard.Check(source, period, output);
        Compute(source, period).CopyTo(output);
    }
}
