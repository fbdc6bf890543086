namespace QuantCluster.Engine.Bars;

/// <summary>
/// OHLCV bars of one symbol in columnar form: one array per field, timestamps in UTC microseconds.
/// The engine trusts its input; the data layer validates bars before they reach it.
/// </summary>
public sealed class BarSeries
{
    public BarSeries(string symbol, long[] timestamps, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        int n = timestamps.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            throw new ArgumentException(
                $"Every bar column must have the same length: ts={n}, open={open.Length}, high={high.Length}, low={low.Length}, close={close.Length}, volume={volume.Length}.");
        }

        Symbol = symbol;
        Timestamps = timestamps;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    public string Symbol { get; }

    /// <summary>Bar open times, UTC microseconds since the Unix epoch, strictly increasing.</summary>
    public long[] Timestamps { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public int Count => Timestamps.Length;

    /// <summary>Microseconds from the first bar to the last (0 with fewer than two bars): the calendar time of CAGR.</summary>
    public long Duration => Count > 1 ? Timestamps[^1] - Timestamps[0] : 0;

    /// <summary>Bars [start, start + length) as a new series (the arrays are copied).</summary>
    public BarSeries Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Count);
        return new BarSeries(
            Symbol,
            Timestamps.AsSpan(start, length).ToArray(),
            Open.AsSpan(start, length).ToArray(),
            High.AsSpan(start, length).ToArray(),
            Low.AsSpan(start, length).ToArray(),
            Close.AsSpan(start, length).ToArray(),
            Volume.AsSpan(start, length).ToArray());
    }
}
