using QuantCluster.Engine.Bars;

namespace QuantCluster.Engine.Tests.Support;

/// <summary>Small hand-made series.</summary>
internal static class TestBars
{
    public const long MicrosecondsPerDay = 86_400_000_000;

    /// <summary>Monday 2024-01-01 00:00 UTC.</summary>
    public static readonly long Start = (new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / 10;

    public static BarSeries FromOhlc(double[] open, double[] high, double[] low, double[] close, long spacing = MicrosecondsPerDay) =>
        new("TEST", Timestamps(close.Length, spacing), open, high, low, close, new double[close.Length]);

    /// <summary>Open = previous close (first: the close), high and low = the larger and smaller of open and close.</summary>
    public static BarSeries FromCloses(params double[] close)
    {
        var open = new double[close.Length];
        for (int i = 0; i < close.Length; i++)
        {
            open[i] = i == 0 ? close[0] : close[i - 1];
        }

        return FromOhlc(
            open,
            close.Select((c, i) => Math.Max(c, open[i])).ToArray(),
            close.Select((c, i) => Math.Min(c, open[i])).ToArray(),
            close);
    }

    public static long[] Timestamps(int count, long spacing) =>
        Enumerable.Range(0, count).Select(i => Start + (i * spacing)).ToArray();
}
