using QuantCluster.Engine.Bars;

namespace QuantCluster.Integration.Tests.Support;

/// <summary>Small hand-made series whose every bar is known, for tests that need exact expectations.</summary>
internal static class TestBars
{
    /// <summary>Bars at the given times, prices rising by 1 per bar from <paramref name="firstPrice"/>.</summary>
    public static BarSeries At(string symbol, IReadOnlyList<DateTime> times, double firstPrice = 100)
    {
        int n = times.Count;
        var ts = times.Select(t => (t - DateTime.UnixEpoch).Ticks / 10).ToArray();
        var open = Enumerable.Range(0, n).Select(i => firstPrice + i).ToArray();
        return new BarSeries(
            symbol, ts, open, open.Select(o => o + 0.5).ToArray(), open.Select(o => o - 0.5).ToArray(),
            open.Select(o => o + 0.25).ToArray(), open.Select(o => o * 10).ToArray());
    }

    /// <summary>Consecutive minute bars from <paramref name="start"/>.</summary>
    public static BarSeries Minutes(string symbol, DateTime start, int count, double firstPrice = 100) =>
        At(symbol, Enumerable.Range(0, count).Select(i => start.AddMinutes(i)).ToList(), firstPrice);

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
