using System.Buffers.Binary;
using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

public sealed class WriterTests
{
    [Fact]
    public void Writes_row_groups_of_the_chosen_size_with_zstd_by_default()
    {
        var bytes = Write([ParquetWriteColumn.Int64("v", [.. Enumerable.Range(0, 2500).Select(i => (long)i)])], new ParquetWriterOptions { RowGroupSize = 1000 });

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));

        Assert.Equal([1000L, 1000, 500], reader.RowGroups.Select(g => g.RowCount));
        Assert.All(reader.RowGroups, g => Assert.Equal(ParquetCompression.Zstd, g.Columns[0].Codec));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), reader.ReadColumn("v").GetValues<long>());
        Assert.Equal([1000L, 1999], [(long)reader.RowGroups[1].Columns[0].Statistics!.Min!, (long)reader.RowGroups[1].Columns[0].Statistics!.Max!]);
    }

    [Fact]
    public void Writes_timestamps_as_UTC_microseconds()
    {
        var bytes = Write([ParquetWriteColumn.Timestamp("ts", [-1, 0, 1_704_067_200_000_000])]);

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));
        var info = reader.Schema.Find("ts")!;

        Assert.Equal(ParquetLogicalType.Timestamp, info.LogicalType);
        Assert.Equal(ParquetTimeUnit.Micros, info.TimeUnit);
        Assert.True(info.IsAdjustedToUtc);
        Assert.False(info.IsNullable);
        Assert.Equal([-1L, 0, 1_704_067_200_000_000], reader.ReadColumn("ts").GetValues<long>());
    }

    [Fact]
    public void Writes_an_empty_table_that_reads_back_empty()
    {
        var bytes = Write([ParquetWriteColumn.Double("close", []), ParquetWriteColumn.String("symbol", [])]);

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));

        Assert.Equal(0, reader.RowCount);
        Assert.Empty(reader.RowGroups);
        Assert.Empty(reader.ReadColumn("close").GetValues<double>());
    }

    [Fact]
    public void Statistics_write_a_zero_minimum_as_negative_zero_and_a_zero_maximum_as_positive_zero()
    {
        var bytes = Write([ParquetWriteColumn.Double("up", [0.0, 1.0]), ParquetWriteColumn.Double("down", [-1.0, -0.0])]);

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));

        Assert.True(double.IsNegative((double)reader.RowGroups[0].Column("up").Statistics!.Min!));
        Assert.False(double.IsNegative((double)reader.RowGroups[0].Column("down").Statistics!.Max!));
    }

    [Fact]
    public void Statistics_leave_NaN_out_and_omit_bounds_when_only_NaN_and_nulls_remain()
    {
        var bytes = Write([
            ParquetWriteColumn.Double("mixed", [double.NaN, 2.0, 1.0]),
            ParquetWriteColumn.Double("nan", [double.NaN, 0, 0], [false, true, true]),
        ]);

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));

        Assert.Equal((1.0, 2.0), ((double)reader.RowGroups[0].Column("mixed").Statistics!.Min!, (double)reader.RowGroups[0].Column("mixed").Statistics!.Max!));
        var nan = reader.RowGroups[0].Column("nan").Statistics!;
        Assert.Null(nan.Min);
        Assert.Equal(2L, nan.NullCount);
    }

    [Fact]
    public void String_statistics_order_by_UTF8_bytes_not_UTF16()
    {
        // U+FF61 sorts after the surrogate pair of U+1F600 in UTF-16, but before it in UTF-8.
        var bytes = Write([ParquetWriteColumn.String("s", ["\uFF61", "\U0001F600", "A"])]);

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));
        var stats = reader.RowGroups[0].Column("s").Statistics!;

        Assert.Equal("A", stats.Min);
        Assert.Equal("\U0001F600", stats.Max);
    }

    [Fact]
    public void Writes_each_row_as_one_value_even_in_single_value_and_all_null_row_groups()
    {
        var nulls = Enumerable.Range(0, 100).Select(i => i >= 50).ToArray();
        var bytes = Write(
            [ParquetWriteColumn.String("s", [.. Enumerable.Range(0, 100).Select(i => i < 50 ? "same" : null)], nulls)],
            new ParquetWriterOptions { RowGroupSize = 25 });

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));
        var column = reader.ReadColumn("s");

        Assert.Equal(nulls, column.Nulls);
        Assert.All(column.GetValues<string>().Take(50), v => Assert.Equal("same", v));
    }

    [Theory]
    [InlineData(ParquetCompression.Brotli)]
    [InlineData(ParquetCompression.Lz4)]
    public void Refuses_codecs_it_cannot_write(ParquetCompression codec)
    {
        Assert.Throws<ArgumentException>(() => Write([ParquetWriteColumn.Int64("v", [1])], new ParquetWriterOptions { Compression = codec }));
    }

    [Fact]
    public void Refuses_tables_that_are_not_flat_and_rectangular()
    {
        Assert.Throws<ArgumentException>(() => Write([]));
        Assert.Throws<ArgumentException>(() => Write([ParquetWriteColumn.Int64("a", [1]), ParquetWriteColumn.Int64("b", [1, 2])]));
        Assert.Throws<ArgumentException>(() => Write([ParquetWriteColumn.Int64("a", [1]), ParquetWriteColumn.Int64("a", [1])]));
        Assert.Throws<ArgumentException>(() => ParquetWriteColumn.String("s", ["x", null]));
        Assert.Throws<ArgumentException>(() => ParquetWriteColumn.Double("d", [1, 2], [true]));
        Assert.Throws<ArgumentException>(() => Write([ParquetWriteColumn.Double("d", [1])], new ParquetWriterOptions { DoubleEncoding = ParquetEncoding.DeltaBinaryPacked }));
    }

    [Fact]
    public void Ends_with_a_footer_length_and_the_magic()
    {
        var bytes = Write([ParquetWriteColumn.Int64("v", [1])]);

        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        Assert.InRange(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8)), 1, bytes.Length - 12);
    }

    private static byte[] Write(IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions? options = null)
    {
        var stream = new MemoryStream();
        ParquetFileWriter.Write(stream, columns, options);
        return stream.ToArray();
    }
}
