namespace QuantCluster.Engine.Indicators;

/// <summary>Simple moving average; the first value is at index period - 1, earlier values are NaN.</summary>
public static class Sma
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
        var sum = new CompensatedSum();
        for (int i = 0; i < source.Length; i++)
        {
            sum.Add(source[i]);
            if (i >= period)
            {
                sum.Add(-source[i - period]);
            }

            output[i] = i >= period - 1 ? sum.Value / period : double.NaN;
        }
    }
}
