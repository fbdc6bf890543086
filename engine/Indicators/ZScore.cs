namespace QuantCluster.Engine.Indicators;

/// <summary>(x - SMA) / population standard deviation over the last period values; 0 where the window is flat.</summary>
public static class ZScore
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
        var mean = Sma.Compute(source, period);
        RollingStandardDeviation.Compute(source, period, mean, output);
        for (int i = period - 1; i < source.Length; i++)
        {
            double sd = output[i];
            output[i] = sd == 0 ? 0 : (source[i] - mean[i]) / sd;
        }
    }
}
