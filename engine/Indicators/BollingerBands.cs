namespace QuantCluster.Engine.Indicators;

/// <summary>Middle = SMA(period); upper and lower = middle ± width × population standard deviation.</summary>
public sealed record BollingerBands(double[] Middle, double[] Upper, double[] Lower)
{
    public static BollingerBands Compute(ReadOnlySpan<double> source, int period, double width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        var middle = Sma.Compute(source, period);
        var deviation = new double[source.Length];
        RollingStandardDeviation.Compute(source, period, middle, deviation);
        var upper = new double[source.Length];
        var lower = new double[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            upper[i] = middle[i] + width * deviation[i];
            lower[i] = middle[i] - width * deviation[i];
        }

        return new BollingerBands(middle, upper, lower);
    }
}
