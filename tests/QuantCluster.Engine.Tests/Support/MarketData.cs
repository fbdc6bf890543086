using System.Collections.Concurrent;
using System.Globalization;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Engine.Tests.Support;

/// <summary>
/// The real bars in shared/data/market, parsed with a few lines of test code (the engine tests
/// must not depend on the data layer). The files look like `,Open,High,Low,Close,Volume` with the
/// timestamp in the unnamed first column, as a date (daily) or a date and time (hourly), UTC.
/// </summary>
internal static class MarketData
{
    private static readonly ConcurrentDictionary<string, BarSeries> Loaded = new();

    public static BarSeries Goog => Load("GOOG");

    public static BarSeries EurUsd => Load("EURUSD");

    public static BarSeries Load(string symbol) => Loaded.GetOrAdd(symbol, Parse);

    private static BarSeries Parse(string symbol)
    {
        var lines = File.ReadAllLines(RepositoryPaths.MarketFile(symbol + ".csv"));
        var header = lines[0].Split(',');
        Assert.Equal(["", "Open", "High", "Low", "Close", "Volume"], header);
        int n = lines.Length - 1;
        var ts = new long[n];
        var columns = new double[5][];
        for (int c = 0; c < 5; c++)
        {
            columns[c] = new double[n];
        }

        for (int i = 0; i < n; i++)
        {
            var fields = lines[i + 1].Split(',');
            var time = DateTime.ParseExact(
                fields[0], ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            ts[i] = (time - DateTime.UnixEpoch).Ticks / 10;
            for (int c = 0; c < 5; c++)
            {
                columns[c][i] = double.Parse(fields[c + 1], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return new BarSeries(symbol, ts, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }
}
