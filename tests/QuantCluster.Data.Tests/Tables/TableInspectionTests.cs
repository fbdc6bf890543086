using QuantCluster.Data.Tables;
using QuantCluster.Data.Tests.Csv;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>What inspect reports for tables with and without symbol and timestamp columns.</summary>
public sealed class TableInspectionTests(DuckDbBarFiles files) : IClassFixture<DuckDbBarFiles>
{
    [Fact]
    public void Summarises_each_symbol_of_a_Parquet_file_with_its_rows_and_time_span()
    {
        var inspection = TableFile.Inspect(files.File("two_symbols"));

        Assert.Equal(("Parquet", 200L, 1, "symbol", "ts"), (inspection.Format, inspection.Rows, inspection.RowGroups.Count, inspection.SymbolColumn, inspection.TimestampColumn));
        Assert.Equal(
            [new SymbolSummary("AAPL", 100, DuckDbBarFiles.Start, DuckDbBarFiles.ExpectedBar(99).Ts), new SymbolSummary("MSFT", 100, DuckDbBarFiles.Start, DuckDbBarFiles.ExpectedBar(99).Ts)],
            inspection.Symbols);
        Assert.Equal(["SNAPPY"], inspection.Codecs);
    }

    [Fact]
    public void Counts_the_missing_volumes_of_a_Parquet_file_and_of_a_CSV_file()
    {
        var parquet = TableFile.Inspect(files.File("null_volume")).Columns.Single(c => c.Name == "volume");
        using var csv = new TempDirectory();
        var path = csv.File("bars.csv");
        File.WriteAllLines(path, ["ts,open,high,low,close,volume", "2024-01-02,10,12,9,11,", "2024-01-03,11,13,10,12,5", "2024-01-04,11,13,10,12,"]);

        Assert.Equal(10L, parquet.Missing);
        Assert.Equal(2L, TableFile.Inspect(path).Columns.Single(c => c.Name == "volume").Missing);
        Assert.Equal(0L, TableFile.Inspect(files.File("ts_us")).Columns.Single(c => c.Name == "volume").Missing);
    }

    [Fact]
    public void Reports_null_symbols_as_an_entry_of_their_own_after_the_named_ones()
    {
        var symbols = TableFile.Inspect(files.File("null_symbol")).Symbols;

        Assert.Equal([("AAPL", 99L), (null, 1L)], symbols.Select(s => (s.Symbol, s.Rows)));
        Assert.Equal(DuckDbBarFiles.ExpectedBar(7).Ts, symbols[1].First);
    }

    [Fact]
    public void Reports_a_file_without_a_symbol_column_as_one_entry_with_a_null_symbol()
    {
        var inspection = TableFile.Inspect(RepositoryPaths.MarketFile("GOOG.csv"));

        Assert.Equal(("CSV", 2148L, 1, null, ""), (inspection.Format, inspection.Rows, inspection.RowGroups.Count, inspection.SymbolColumn, inspection.TimestampColumn));
        Assert.Equal([new SymbolSummary(null, 2148, Utc.Microseconds("2004-08-19"), Utc.Microseconds("2013-03-01"))], inspection.Symbols);
    }

    [Fact]
    public void Still_inspects_a_table_without_a_timestamp_column_leaving_first_and_last_null()
    {
        using var csv = new TempCsv("quotes.csv", ["ticker,bid,ask", "AAPL,1,2", "MSFT,3,4", "AAPL,5,6"]);

        var inspection = TableFile.Inspect(csv.FilePath);

        Assert.Null(inspection.TimestampColumn);
        Assert.Equal([new SymbolSummary("AAPL", 2, null, null), new SymbolSummary("MSFT", 1, null, null)], inspection.Symbols);
    }

    [Fact]
    public void Counts_a_CSV_file_without_data_rows_as_no_row_groups()
    {
        using var csv = new TempCsv("empty.csv", ["date,open,high,low,close"]);

        var inspection = TableFile.Inspect(csv.FilePath);

        Assert.Equal((0L, 0), (inspection.Rows, inspection.RowGroups.Count));
        Assert.Empty(inspection.Symbols);
        Assert.Equal(5, inspection.Columns.Count);
    }

    [Fact]
    public void Finds_times_in_integer_epoch_and_date_columns_too()
    {
        Assert.Equal(DuckDbBarFiles.Start, TableFile.Inspect(files.File("epoch_millis")).Symbols.Single().First);
        Assert.Equal(Utc.Microseconds("2024-01-02"), TableFile.Inspect(files.File("dates")).Symbols.Single().First);
    }
}
