namespace QuantCluster.Data.Tests.Csv;

public class CsvBarReaderColumnTests
{
    private const string Bar = "2024-01-02,10,12,9,11,500";

    [Theory]
    [InlineData("ts")]
    [InlineData("time")]
    [InlineData("timestamp")]
    [InlineData("date")]
    [InlineData("datetime")]
    [InlineData("Date")]
    [InlineData("TIMESTAMP")]
    [InlineData(" Time ")]
    public void Finds_the_timestamp_column_by_any_of_its_aliases(string header)
    {
        var bars = TempCsv.Read([$"{header},open,high,low,close,volume", Bar]);

        Assert.Equal(Utc.Microseconds("2024-01-02T00:00:00Z"), Assert.Single(bars.Timestamps));
    }

    [Fact]
    public void Takes_an_unnamed_first_column_as_the_timestamp()
    {
        var bars = TempCsv.Read([",Open,High,Low,Close,Volume", Bar]);

        Assert.Equal(Utc.Microseconds("2024-01-02T00:00:00Z"), Assert.Single(bars.Timestamps));
    }

    [Theory]
    [InlineData("date,open,high,low,close,volume")]
    [InlineData("date,o,h,l,c,v")]
    [InlineData("Date,Open,High,Low,Close,Volume")]
    [InlineData("DATE,O,H,L,C,VOL")]
    public void Finds_each_price_and_volume_column_by_any_of_its_aliases(string header)
    {
        var bars = TempCsv.Read([header, Bar]);

        Assert.Equal((10, 12, 9, 11, 500), (bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0]));
    }

    [Fact]
    public void Finds_the_columns_in_any_order()
    {
        var bars = TempCsv.Read(["Close,Volume,High,Date,Low,Open", "11,500,12,2024-01-02,9,10"]);

        Assert.Equal((10, 12, 9, 11, 500), (bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0]));
        Assert.Equal(Utc.Microseconds("2024-01-02T00:00:00Z"), bars.Timestamps[0]);
    }

    [Fact]
    public void Reads_NaN_volume_when_the_file_has_no_volume_column()
    {
        var bars = TempCsv.Read(["date,open,high,low,close", "2024-01-02,10,12,9,11", "2024-01-03,11,13,10,12"]);

        Assert.All(bars.Volume, v => Assert.True(double.IsNaN(v)));
        Assert.Equal([11.0, 12.0], bars.Close);
    }

    [Fact]
    public void Reads_an_empty_volume_cell_as_NaN_and_keeps_the_other_volumes()
    {
        var bars = TempCsv.Read(["date,open,high,low,close,volume", "2024-01-02,10,12,9,11,500", "2024-01-03,11,13,10,12,", "2024-01-04,12,14,11,13,700"]);

        Assert.Equal(500, bars.Volume[0]);
        Assert.True(double.IsNaN(bars.Volume[1]));
        Assert.Equal(700, bars.Volume[2]);
    }

    [Fact]
    public void Ignores_columns_it_does_not_know()
    {
        var bars = TempCsv.Read(["date,open,high,low,close,adj close,volume,dividends", "2024-01-02,10,12,9,11,10.5,500,0"]);

        Assert.Equal(11, bars.Close[0]);
        Assert.Equal(500, bars.Volume[0]);
    }

    [Fact]
    public void Does_not_take_adj_close_for_the_close()
    {
        var error = TempCsv.Refusal(["date,open,high,low,adj close,volume", "2024-01-02,10,12,9,11,500"]);

        Assert.Equal(1, error.Line);
        Assert.StartsWith("no close column (accepted: close, c)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_header_without_a_close_column_listing_the_headers_found_and_the_aliases_accepted()
    {
        var error = TempCsv.Refusal(["Date,Open,High,Low,Volume", "2024-01-02,10,12,9,500"]);

        Assert.Equal(
            "bars.csv line 1: no close column (accepted: close, c). Headers found: 'Date', 'Open', 'High', 'Low', 'Volume'. The first line must be the header row.",
            error.Message);
    }

    [Fact]
    public void Rejects_a_header_without_a_timestamp_column_naming_every_alias()
    {
        var error = TempCsv.Refusal(["open,when,high,low,close", "10,2024-01-02,12,9,11"]);

        Assert.Contains("no timestamp column (accepted: ts, time, timestamp, date, datetime, or an unnamed first column)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_file_that_starts_with_bars_instead_of_a_header()
    {
        var error = TempCsv.Refusal([Bar, "2024-01-03,11,13,10,12,600"]);

        Assert.Equal(1, error.Line);
        Assert.Contains("Headers found: '2024-01-02', '10', '12', '9', '11', '500'. The first line must be the header row.", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_two_columns_that_both_name_the_timestamp()
    {
        var error = TempCsv.Refusal(["date,time,open,high,low,close", "2024-01-02,10:00,10,12,9,11"]);

        Assert.StartsWith("columns 'date' and 'time' each name the timestamp; keep one.", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    public void Reads_semicolon_and_tab_separated_files(string separator)
    {
        var bars = TempCsv.Read([string.Join(separator, "date", "open", "high", "low", "close", "volume"), Bar.Replace(",", separator, StringComparison.Ordinal)]);

        Assert.Equal((10, 12, 9, 11, 500), (bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0]));
    }

    [Fact]
    public void Reads_quoted_fields_and_a_byte_order_mark()
    {
        var bars = TempCsv.Read(["\uFEFF\"date\",\"open\",\"high\",\"low\",\"close\",\"volume\"", "\"2024-01-02\",\"10\",\"12\",\"9\",\"11\",\"500\""]);

        Assert.Equal((10, 12, 9, 11, 500), (bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0]));
    }

    [Fact]
    public void Reads_fields_with_spaces_around_them()
    {
        var bars = TempCsv.Read(["date, open, high, low, close, volume", "2024-01-02 , 10 , 12, 9, 11, 500"]);

        Assert.Equal(Utc.Microseconds("2024-01-02T00:00:00Z"), bars.Timestamps[0]);
        Assert.Equal((10, 12, 9, 11, 500), (bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0]));
    }
}
