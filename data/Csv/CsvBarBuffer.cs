using QuantCluster.Data.Validation;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Csv;

/// <summary>Bars as they are read, in growing columns, each with the file line it came from.</summary>
internal sealed class CsvBarBuffer
{
    private long[] _timestamps = new long[1024];
    private double[] _open = new double[1024];
    private double[] _high = new double[1024];
    private double[] _low = new double[1024];
    private double[] _close = new double[1024];
    private double[] _volume = new double[1024];
    private int[] _lines = new int[1024];

    public int Count { get; private set; }

    public void Add(int line, long timestamp, double open, double high, double low, double close, double volume)
    {
        if (Count == _timestamps.Length)
        {
            int capacity = Count * 2;
            Array.Resize(ref _timestamps, capacity);
            Array.Resize(ref _open, capacity);
            Array.Resize(ref _high, capacity);
            Array.Resize(ref _low, capacity);
            Array.Resize(ref _close, capacity);
            Array.Resize(ref _volume, capacity);
            Array.Resize(ref _lines, capacity);
        }

        int i = Count++;
        (_timestamps[i], _open[i], _high[i], _low[i], _close[i], _volume[i], _lines[i]) = (timestamp, open, high, low, close, volume, line);
    }

    public int LineOf(int row) => _lines[row];

    public BarViolation? FindViolation() =>
        BarValidator.FindViolation(
            _timestamps.AsSpan(0, Count), _open.AsSpan(0, Count), _high.AsSpan(0, Count), _low.AsSpan(0, Count),
            _close.AsSpan(0, Count), _volume.AsSpan(0, Count));

    public BarSeries ToSeries(string symbol) =>
        new(symbol, _timestamps[..Count], _open[..Count], _high[..Count], _low[..Count], _close[..Count], _volume[..Count]);
}
