using QuantCluster.Data.Tables;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Data.Tests.Tables;

/// <summary>A Parquet file as a table: the file's own column names and types.</summary>
public sealed class ParquetTableTests(DuckDbBarFiles files) : IClassFixture<DuckDbBarFiles>
{
    [Fact]
    public void Names_each_column_by_its_Parquet_type()
    {
        var table = TableFile.Read(RepositoryPaths.ParquetTestingFile("alltypes_plain.parquet"));

        Assert.Equal(
            [
                ("id", "INT32"), ("bool_col", "BOOLEAN"), ("tinyint_col", "INT32"), ("smallint_col", "INT32"), ("int_col", "INT32"),
                ("bigint_col", "INT64"), ("float_col", "FLOAT"), ("double_col", "DOUBLE"), ("date_string_col", "BINARY"),
                ("string_col", "BINARY"), ("timestamp_col", "INT96 TIMESTAMP"),
            ],
            table.Columns.Select(c => (c.Name, c.Type)));
        Assert.Equal(8, table.RowCount);
    }

    [Theory]
    [InlineData("ts_ms", "ts", "TIMESTAMP(MILLIS)")]
    [InlineData("ts_ns", "ts", "TIMESTAMP(NANOS)")]
    [InlineData("ts_tz", "ts", "TIMESTAMP(MICROS, UTC)")]
    [InlineData("dates", "date", "DATE")]
    [InlineData("decimal_prices", "open", "DECIMAL")]
    [InlineData("two_symbols", "symbol", "STRING")]
    public void Names_timestamp_date_and_decimal_types_with_their_unit(string file, string column, string type)
    {
        var table = TableFile.Read(files.File(file), [column], limit: 1);

        Assert.Equal(type, table.Columns[0].Type);
    }

    [Fact]
    public void Reads_only_the_row_groups_a_limit_needs()
    {
        var table = TableFile.Read(files.File("row_groups"), ["close", "ts"], limit: 3);

        Assert.Equal(3, table.RowCount);
        Assert.Equal([100.25, 100.75, 101.25], table.Columns[0].Get<double>());
        Assert.Equal(DuckDbBarFiles.ExpectedBar(2).Ts, table.Columns[1].Get<long>()[2]);
    }

    [Fact]
    public void Refuses_an_unknown_column_listing_the_flat_columns()
    {
        var error = Assert.Throws<ArgumentException>(() => TableFile.Read(files.File("two_symbols"), ["ts", "price"]));

        Assert.Equal("two_symbols.parquet has no column 'price'; its columns are: ts, symbol, open, high, low, close, volume", error.Message);
    }

    [Fact]
    public void Reports_a_corrupt_file_as_invalid_data_naming_it()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("broken.parquet"), [.. "PAR1"u8, 1, 2, 3, 4, 5, 6, 7, 8, .. "PAR1"u8]);

        var error = Assert.Throws<InvalidDataException>(() => TableFile.Read(directory.File("broken.parquet")));

        Assert.StartsWith("broken.parquet: ", error.Message, StringComparison.Ordinal);
    }
}
