namespace QuantCluster.Engine.Indicators;

/// <summary>Simple moving average; the first value is at index period - 1, earlier values are NaN.</summary>
public static class Sma
{
    public static double[] Compute(ReadOnlySpan<double> source, int period) => Compute(new PrefixSums(source), period);

    public static double[] Compute(PrefixSums sums, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var output = GC.AllocateUninitializedArray<double>(sums.Count);
        double reciprocal = 1.0 / period;
        int warmUp = Math.Min(period - 1, output.Length);
        output.AsSpan(0, warmUp).Fill(double.NaN);
        for (int i = warmUp; i < output.Length; i++)
        {
            output[i] = sums.Mean(i + 1 - period, i + 1, reciprocal);
        }

        return output;
    }

    public static void Compute(ReadOnlySpan<double> source, int period, Span<double> output)
    {
        IndicatorGuard.Check(source, period, output);
        Compute(source, period).CopyTo(output);
    }
}
