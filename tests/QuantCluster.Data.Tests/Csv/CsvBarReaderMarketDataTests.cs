using QuantCluster.Data.Csv;

namespace QuantCluster.Data.Tests.Csv;

public class CsvBarReaderMarketDataTests
{
    [Fact]
    public void Loads_every_daily_bar_of_GOOG_with_its_unnamed_timestamp_column()
    {
        var bars = CsvBarReader.Read(RepositoryPaths.MarketFile("GOOG.csv"));

        Assert.Equal("GOOG", bars.Symbol);
        Assert.Equal(2148, bars.Count);
        Assert.Equal(Utc.Microseconds("2004-08-19T00:00:00Z"), bars.Timestamps[0]);
        Assert.Equal((100, 104.06, 95.96, 100.34, 22351900), (bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0]));
        Assert.Equal(Utc.Microseconds("2013-03-01T00:00:00Z"), bars.Timestamps[^1]);
        Assert.Equal((797.8, 807.14, 796.15, 806.19, 2175400), (bars.Open[^1], bars.High[^1], bars.Low[^1], bars.Close[^1], bars.Volume[^1]));
    }

    [Fact]
    public void Loads_every_hourly_bar_of_EURUSD_with_date_times_read_as_UTC()
    {
        var bars = CsvBarReader.Read(RepositoryPaths.MarketFile("EURUSD.csv"));

        Assert.Equal("EURUSD", bars.Symbol);
        Assert.Equal(5000, bars.Count);
        Assert.Equal(Utc.Microseconds("2017-04-19T09:00:00Z"), bars.Timestamps[0]);
        Assert.Equal((1.0716, 1.0722, 1.07083, 1.07219, 1413), (bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0]));
        Assert.Equal(Utc.Microseconds("2018-02-07T15:00:00Z"), bars.Timestamps[^1]);
        Assert.Equal((1.23427, 1.23444, 1.22904, 1.22904, 6143), (bars.Open[^1], bars.High[^1], bars.Low[^1], bars.Close[^1], bars.Volume[^1]));
    }

    [Fact]
    public void Reads_the_same_bars_from_a_text_reader_as_from_the_file()
    {
        string path = RepositoryPaths.MarketFile("EURUSD.csv");
        using var text = new StreamReader(path);

        var fromReader = CsvBarReader.Read(text, "EURUSD.csv");
        var fromFile = CsvBarReader.Read(path);

        Assert.Equal(fromFile.Symbol, fromReader.Symbol);
        Assert.Equal(fromFile.Timestamps, fromReader.Timestamps);
        Assert.Equal(fromFile.Close, fromReader.Close);
        Assert.Equal(fromFile.Volume, fromReader.Volume);
    }

    [Fact]
    public void Names_a_series_read_from_text_after_its_source()
    {
        var bars = CsvBarReader.Read(new StringReader("date,open,high,low,close\n2024-01-02,10,12,9,11\n"), "SPY.csv");

        Assert.Equal("SPY", bars.Symbol);
    }

    [Fact]
    public void Names_the_source_of_text_in_its_messages()
    {
        var error = Assert.Throws<BarDataException>(
            () => CsvBarReader.Read(new StringReader("date,open,high,low,close\n2024-01-02,10,12,9,11\n2024-01-03,10,12,9,13\n"), "feed"));

        Assert.Equal("feed line 3: high 12 is below close 13", error.Message);
    }
}
