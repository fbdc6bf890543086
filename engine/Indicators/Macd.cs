namespace QuantCluster.Engine.Indicators;

/// <summary>
/// MACD line = EMA(fast) - EMA(slow), defined from index slow - 1; signal = EMA(signal period) of
/// the MACD line, seeded from its first defined values; histogram = line - signal.
/// </summary>
public sealed record Macd(double[] Line, double[] Signal, double[] Histogram)
{
    public static Macd Compute(ReadOnlySpan<double> source, int fastPeriod, int slowPeriod, int signalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        if (slowPeriod <= fastPeriod)
        {
            throw new ArgumentException($"The slow period ({slowPeriod}) must be longer than the fast period ({fastPeriod}).");
        }

        int n = source.Length;
        var fast = Ema.Compute(source, fastPeriod);
        var slow = Ema.Compute(source, slowPeriod);
        var line = new double[n];
        for (int i = 0; i < n; i++)
        {
            line[i] = fast[i] - slow[i];
        }

        var signal = new double[n];
        signal.AsSpan().Fill(double.NaN);
        int start = slowPeriod - 1;
        if (n > start)
        {
            Ema.Compute(line.AsSpan(start), signalPeriod, signal.AsSpan(start));
        }

        var histogram = new double[n];
        for (int i = 0; i < n; i++)
        {
            histogram[i] = line[i] - signal[i];
        }

        return new Macd(line, signal, histogram);
    }
}
