namespace QuantCluster.Data.Tests.Csv;

public class CsvBarReaderSymbolTests
{
    private static readonly string[] TwoSymbols =
    [
        "date,symbol,open,high,low,close,volume",
        "2024-01-02,AAPL,185,186,184,185.5,100",
        "2024-01-02,MSFT,370,372,369,371,200",
        "2024-01-03,AAPL,184,185,183,184.5,110",
        "2024-01-03,MSFT,371,373,370,372,210",
        "2024-01-04,AAPL,183,184,182,183.5,120",
    ];

    [Fact]
    public void Keeps_only_the_rows_of_the_symbol_asked_for()
    {
        var bars = TempCsv.Read(TwoSymbols, symbol: "MSFT");

        Assert.Equal("MSFT", bars.Symbol);
        Assert.Equal([371.0, 372.0], bars.Close);
        Assert.Equal([Utc.Microseconds("2024-01-02T00:00:00Z"), Utc.Microseconds("2024-01-03T00:00:00Z")], bars.Timestamps);
    }

    [Fact]
    public void Checks_timestamp_order_per_symbol_so_interleaved_symbols_are_fine()
    {
        var bars = TempCsv.Read(TwoSymbols, symbol: "AAPL");

        Assert.Equal([185.5, 184.5, 183.5], bars.Close);
    }

    [Fact]
    public void Matches_the_symbol_asked_for_in_any_case_and_names_the_series_as_the_file_spells_it()
    {
        var bars = TempCsv.Read(TwoSymbols, symbol: "aapl");

        Assert.Equal("AAPL", bars.Symbol);
        Assert.Equal(3, bars.Count);
    }

    [Fact]
    public void Finds_the_symbol_column_by_its_ticker_alias()
    {
        var bars = TempCsv.Read(["Date,Ticker,Open,High,Low,Close", "2024-01-02,SPY,470,472,469,471", "2024-01-02,QQQ,400,402,399,401"], symbol: "QQQ");

        Assert.Equal([401.0], bars.Close);
    }

    [Fact]
    public void Names_the_series_after_the_only_symbol_in_the_file()
    {
        var bars = TempCsv.Read(["date,symbol,open,high,low,close", "2024-01-02,AAPL,185,186,184,185.5"], fileName: "prices.csv");

        Assert.Equal("AAPL", bars.Symbol);
    }

    [Fact]
    public void Names_the_series_after_the_file_when_there_is_no_symbol_column()
    {
        var bars = TempCsv.Read(["date,open,high,low,close", "2024-01-02,185,186,184,185.5"], fileName: "SPY.daily.csv");

        Assert.Equal("SPY.daily", bars.Symbol);
    }

    [Fact]
    public void Names_the_series_after_the_symbol_asked_for_when_there_is_no_symbol_column()
    {
        var bars = TempCsv.Read(["date,open,high,low,close", "2024-01-02,185,186,184,185.5"], symbol: "SPY", fileName: "prices.csv");

        Assert.Equal("SPY", bars.Symbol);
    }

    [Fact]
    public void Rejects_a_file_of_several_symbols_when_none_is_asked_for_listing_them()
    {
        var error = TempCsv.Refusal(TwoSymbols);

        Assert.Null(error.Line);
        Assert.Equal("bars.csv: the file holds bars of 2 symbols (AAPL, MSFT); choose one with --symbol", error.Message);
    }

    [Fact]
    public void Rejects_a_symbol_the_file_does_not_hold_listing_those_it_does()
    {
        var error = TempCsv.Refusal(TwoSymbols, symbol: "GOOG");

        Assert.Equal("bars.csv: no rows for symbol 'GOOG'; the file holds AAPL, MSFT", error.Message);
    }

    [Fact]
    public void Rejects_a_row_without_a_symbol()
    {
        var error = TempCsv.Refusal(["date,symbol,open,high,low,close", "2024-01-02,AAPL,185,186,184,185.5", "2024-01-03,,185,186,184,185.5"]);

        Assert.Equal("bars.csv line 3: missing symbol", error.Message);
    }

    [Fact]
    public void Does_not_parse_the_rows_of_other_symbols()
    {
        var bars = TempCsv.Read(
            ["date,symbol,open,high,low,close", "2024-01-02,AAPL,185,186,184,185.5", "someday,MSFT,n/a,,,", "2024-01-03,AAPL,184,185,183,184.5"],
            symbol: "AAPL");

        Assert.Equal([185.5, 184.5], bars.Close);
    }

    [Fact]
    public void Reports_bad_bars_of_the_chosen_symbol_at_their_file_line()
    {
        string[] lines = [.. TwoSymbols, "2024-01-05,MSFT,373,372,371,372,220"];

        var error = TempCsv.Refusal(lines, symbol: "MSFT");

        Assert.Equal("bars.csv line 7: high 372 is below open 373", error.Message);
    }
}
