using QuantCluster.Data.Tables;
using QuantCluster.Data.Tests.Csv;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>A CSV file as a table: columns typed from their values, empty fields null.</summary>
public sealed class CsvTableTests
{
    [Fact]
    public void Types_the_GOOG_columns_as_a_timestamp_index_doubles_and_an_integer_volume()
    {
        var table = TableFile.Read(RepositoryPaths.MarketFile("GOOG.csv"));

        Assert.Equal(2148, table.RowCount);
        Assert.Equal(
            [("", "TIMESTAMP"), ("Open", "DOUBLE"), ("High", "DOUBLE"), ("Low", "DOUBLE"), ("Close", "DOUBLE"), ("Volume", "INT64")],
            table.Columns.Select(c => (c.Name, c.Type)));
        Assert.Equal(Utc.Microseconds("2004-08-19T00:00:00Z"), table.Columns[0].Get<long>()[0]);
        Assert.Equal(22351900L, table.Columns[5].Get<long>()[0]);
    }

    [Fact]
    public void Reads_epoch_numbers_in_the_timestamp_column_as_times_but_leaves_other_integers_alone()
    {
        var table = Read(["time,open,id", "1704067200,1.5,1704067200", "1704067260,2,1704067260"]);

        Assert.Equal(["TIMESTAMP", "DOUBLE", "INT64"], table.Columns.Select(c => c.Type));
        Assert.Equal(Utc.Microseconds("2024-01-01T00:01:00Z"), table.Columns[0].Get<long>()[1]);
        Assert.Equal(1704067260L, table.Columns[2].Get<long>()[1]);
    }

    [Fact]
    public void Types_ISO_dates_in_any_column_as_timestamps_and_keeps_tickers_as_text()
    {
        var table = Read(["expiry,ticker,note", "2024-03-15,0700,a", "2024-06-21 16:00:00,9988,b"]);

        Assert.Equal(["TIMESTAMP", "STRING", "STRING"], table.Columns.Select(c => c.Type));
        Assert.Equal(["0700", "9988"], table.Columns[1].Get<string>());
    }

    [Fact]
    public void Reads_empty_fields_as_nulls_and_types_a_column_by_its_other_fields()
    {
        var table = Read(["a,b,c", "1,,x", ",2.5,", "3,4,z"]);

        Assert.Equal(["INT64", "DOUBLE", "STRING"], table.Columns.Select(c => c.Type));
        Assert.Equal([false, true, false], table.Columns[0].Nulls!);
        Assert.Equal([true, false, false], table.Columns[1].Nulls!);
        Assert.Equal([false, true, false], table.Columns[2].Nulls!);
    }

    [Fact]
    public void Falls_back_to_text_when_one_field_is_not_a_number()
    {
        var table = Read(["price", "1.5", "n/a", "2"]);

        Assert.Equal("STRING", table.Columns[0].Type);
        Assert.Equal(["1.5", "n/a", "2"], table.Columns[0].Get<string>());
    }

    [Fact]
    public void Reads_the_columns_asked_for_in_that_order_and_up_to_the_limit()
    {
        var table = TableFile.Read(RepositoryPaths.MarketFile("GOOG.csv"), ["close", "Open"], limit: 2);

        Assert.Equal(2, table.RowCount);
        Assert.Equal(["Close", "Open"], table.Columns.Select(c => c.Name));
        Assert.Equal([100.34, 108.31], table.Columns[0].Get<double>());
    }

    [Fact]
    public void Refuses_an_unknown_column_listing_the_columns()
    {
        var error = Assert.Throws<ArgumentException>(() => TableFile.Read(RepositoryPaths.MarketFile("GOOG.csv"), ["Adj Close"]));

        Assert.Equal("GOOG.csv has no column 'Adj Close'; its columns are: '' (unnamed), Open, High, Low, Close, Volume", error.Message);
    }

    [Fact]
    public void Refuses_a_row_with_too_few_fields_naming_the_line()
    {
        var error = Assert.Throws<BarDataException>(() => Read(["a,b", "1,2", "3"]));

        Assert.Equal("table.csv line 3: too few columns: 1 fields where the header has 2", error.Message);
    }

    private static FlatTable Read(string[] lines)
    {
        using var csv = new TempCsv("table.csv", lines);
        return TableFile.Read(csv.FilePath);
    }
}
