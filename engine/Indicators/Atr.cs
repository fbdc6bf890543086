namespace QuantCluster.Engine.Indicators;

/// <summary>
/// Average true range with Wilder's smoothing. The true range needs the previous close, so it
/// starts at bar 1; the first ATR (index period) is the mean of the first period true ranges.
/// </summary>
public static class Atr
{
    public static double[] Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period)
    {
        var output = new double[close.Length];
        Compute(high, low, close, period, output);
        return output;
    }

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        IndicatorGuard.Check(close, period, output);
        if (high.Length != close.Length || low.Length != close.Length)
        {
            throw new ArgumentException("high, low and close must have the same length.");
        }

        output[..close.Length].Fill(double.NaN);
        if (close.Length <= period)
        {
            return;
        }

        double atr = 0;
        for (int i = 1; i <= period; i++)
        {
            atr += TrueRange(high[i], low[i], close[i - 1]);
        }

        atr /= period;
        output[period] = atr;
        for (int i = period + 1; i < close.Length; i++)
        {
            atr = (atr * (period - 1) + TrueRange(high[i], low[i], close[i - 1])) / period;
            output[i] = atr;
        }
    }

    public static double TrueRange(double high, double low, double previousClose) =>
        Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
}
