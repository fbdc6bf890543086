namespace QuantCluster.Data.Tests.Csv;

public class CsvBarReaderBadInputTests
{
    private const string Header = "date,open,high,low,close,volume";

    [Fact]
    public void Rejects_a_row_whose_high_is_below_its_close()
    {
        var error = TempCsv.Refusal([Header, "2024-01-02,100,104,99,103,10", "2024-01-03,101,101.2,100.5,103.5,10"], fileName: "GOOG.csv");

        Assert.Equal("GOOG.csv line 3: high 101.2 is below close 103.5", error.Message);
        Assert.Equal(("GOOG.csv", 3, "high 101.2 is below close 103.5"), (error.SourceName, error.Line, error.Reason));
    }

    [Theory]
    [InlineData("2024-01-03,100,104,99,103,-1", "volume -1 is negative")]
    [InlineData("2024-01-03,98,104,99,103,10", "low 99 is above open 98")]
    [InlineData("2024-01-03,100,104,101,100.5,10", "low 101 is above open 100")]
    [InlineData("2024-01-03,100,104,99,98.5,10", "low 99 is above close 98.5")]
    [InlineData("2024-01-03,105,104,99,103,10", "high 104 is below open 105")]
    [InlineData("2024-01-03,100,98,99,98.5,10", "high 98 is below low 99")]
    [InlineData("2024-01-03,100,104,99,NaN,10", "close is NaN")]
    [InlineData("2024-01-03,100,Infinity,99,103,10", "high is +infinity")]
    [InlineData("2024-01-02,100,104,99,103,10", "timestamp 2024-01-02T00:00:00Z repeats the previous row's")]
    [InlineData("2024-01-01,100,104,99,103,10", "timestamp 2024-01-01T00:00:00Z is before the previous row's 2024-01-02T00:00:00Z (timestamps must be strictly increasing)")]
    public void Rejects_a_bar_that_breaks_a_data_quality_rule_at_its_line(string row, string reason)
    {
        var error = TempCsv.Refusal([Header, "2024-01-02,100,104,99,103,10", row]);

        Assert.Equal($"bars.csv line 3: {reason}", error.Message);
    }

    [Theory]
    [InlineData("2024-01-03,abc,104,99,103,10", "open 'abc' is not a number")]
    [InlineData("2024-01-03,100,104,99,1O3,10", "close '1O3' is not a number")]
    [InlineData("2024-01-03,100,104,99,103,ten", "volume 'ten' is not a number")]
    [InlineData("2024-01-03,100,104,,103,10", "missing low")]
    [InlineData("2024-01-03,,104,99,103,10", "missing open")]
    [InlineData(",100,104,99,103,10", "missing timestamp")]
    [InlineData("2024-01-03,100,104,99,103", "too few columns: 5 fields where the header has 6")]
    [InlineData("2024-01-03,100,104,99,103,10,7", "too many columns: 7 fields where the header has 6")]
    public void Rejects_a_row_it_cannot_read_with_its_line_and_the_reason(string row, string reason)
    {
        var error = TempCsv.Refusal([Header, "2024-01-02,100,104,99,103,10", row, "2024-01-04,100,104,99,103,10"]);

        Assert.Equal($"bars.csv line 3: {reason}", error.Message);
    }

    [Fact]
    public void Counts_blank_lines_when_it_numbers_lines()
    {
        var error = TempCsv.Refusal([Header, "", "2024-01-02,100,104,99,103,10", "", "", "2024-01-03,100,104,99,x,10"]);

        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Skips_blank_lines()
    {
        var bars = TempCsv.Read([Header, "2024-01-02,100,104,99,103,10", "", "2024-01-03,100,104,99,103,10", ""]);

        Assert.Equal(2, bars.Count);
    }

    [Theory]
    [InlineData("2024-01-03,\"100\"x,104,99,103,10", "text after the closing quote of a quoted field")]
    [InlineData("2024-01-03,10\"0,104,99,103,10", "a quote inside an unquoted field")]
    [InlineData("2024-01-03,\"100,104,99,103,10", "a quoted field that is never closed")]
    public void Rejects_malformed_quoting_at_its_line(string row, string reason)
    {
        var error = TempCsv.Refusal([Header, "2024-01-02,100,104,99,103,10", row, "2024-01-04,100,104,99,103,10"]);

        Assert.Equal($"bars.csv line 3: malformed quoting: {reason}", error.Message);
    }

    [Fact]
    public void Rejects_a_decimal_comma_rather_than_read_it_as_a_thousands_separator()
    {
        var error = TempCsv.Refusal(["date;open;high;low;close", "2024-01-02;101,5;104;99;103"]);

        Assert.Equal("bars.csv line 2: open '101,5' is not a number", error.Message);
    }

    [Fact]
    public void Numbers_lines_from_where_a_record_starts_when_a_quoted_field_spans_lines()
    {
        var error = TempCsv.Refusal([Header, "2024-01-02,\"100", "\",104,99,103,10", "2024-01-03,100,104,99,x,10"]);

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        var error = TempCsv.Refusal([]);

        Assert.Equal("bars.csv: the file is empty; expected a header row, then one bar per line", error.Message);
    }

    [Fact]
    public void Rejects_a_file_with_a_header_and_no_bars()
    {
        var error = TempCsv.Refusal([Header]);

        Assert.Null(error.Line);
        Assert.Equal("bars.csv: no data rows: the file has a header but no bars", error.Message);
    }
}
