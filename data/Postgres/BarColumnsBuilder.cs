using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Postgres;

/// <summary>Bars appended one at a time, as they stream from the database, into the columns of a <see cref="BarSeries"/>.</summary>
internal sealed class BarColumnsBuilder(int capacity)
{
    private long[] _ts = new long[Math.Max(capacity, 16)];
    private double[] _open = new double[Math.Max(capacity, 16)];
    private double[] _high = new double[Math.Max(capacity, 16)];
    private double[] _low = new double[Math.Max(capacity, 16)];
    private double[] _close = new double[Math.Max(capacity, 16)];
    private double[] _volume = new double[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public void Add(long ts, double open, double high, double low, double close, double volume)
    {
        if (Count == _ts.Length)
        {
            int size = checked(Count * 2);
            Array.Resize(ref _ts, size);
            Array.Resize(ref _open, size);
            Array.Resize(ref _high, size);
            Array.Resize(ref _low, size);
            Array.Resize(ref _close, size);
            Array.Resize(ref _volume, size);
        }

        _ts[Count] = ts;
        _open[Count] = open;
        _high[Count] = high;
        _low[Count] = low;
        _close[Count] = close;
        _volume[Count] = volume;
        Count++;
    }

    public BarSeries ToSeries(string symbol) => new(
        symbol, _ts[..Count], _open[..Count], _high[..Count], _low[..Count], _close[..Count], _volume[..Count]);
}
