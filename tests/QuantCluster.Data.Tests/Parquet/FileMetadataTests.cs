using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

public sealed class FileMetadataTests
{
    [Fact]
    public void Describes_schema_row_groups_codecs_encodings_and_statistics()
    {
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile("sort_columns.parquet"));

        Assert.Equal(6, reader.RowCount);
        Assert.StartsWith("parquet-cpp-arrow", reader.CreatedBy, StringComparison.Ordinal);
        var a = reader.Schema.Find("a")!;
        Assert.Equal(ParquetPhysicalType.Int64, a.PhysicalType);
        Assert.True(a.IsNullable);
        var b = reader.Schema.Find("b")!;
        Assert.Equal(ParquetLogicalType.String, b.LogicalType);
        Assert.Equal(typeof(string), b.ValueType);
        Assert.Equal(2, reader.RowGroups.Count);
        var chunk = reader.RowGroups[0].Column("a");
        Assert.Equal(ParquetCompression.Snappy, chunk.Codec);
        Assert.Contains(ParquetEncoding.RleDictionary, chunk.Encodings);
        Assert.Equal(1L, chunk.Statistics!.Min);
        Assert.Equal(2L, chunk.Statistics.Max);
        Assert.Equal(1L, chunk.Statistics.NullCount);
        Assert.Equal("a", reader.RowGroups[0].Column("b").Statistics!.Min);
        Assert.True(chunk.CompressedSize > 0);
    }

    [Fact]
    public void Reads_one_row_group_on_its_own()
    {
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile("sort_columns.parquet"));

        var second = reader.ReadColumn("b", rowGroup: 1);

        Assert.Equal(reader.RowGroups[1].RowCount, second.Count);
        Assert.Equal(["a", "b", "c"], second.GetValues<string>());
    }

    [Fact]
    public void Keeps_the_time_unit_of_legacy_INT96_timestamps_and_reads_them_as_microseconds()
    {
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile("alltypes_plain.parquet"));
        var info = reader.Schema.Find("timestamp_col")!;

        Assert.Equal(ParquetLogicalType.Timestamp, info.LogicalType);
        Assert.Equal(ParquetTimeUnit.Nanos, info.TimeUnit);
        var first = reader.ReadColumn("timestamp_col").GetValues<long>()[0];
        Assert.Equal(new DateTime(2009, 3, 1, 0, 0, 0, DateTimeKind.Utc), DateTime.UnixEpoch.AddTicks(first * 10));
    }

    [Fact]
    public void Reads_the_flat_columns_of_a_file_with_a_list_and_names_the_list_when_asked_for_it()
    {
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile("datapage_v2.snappy.parquet"));

        Assert.Equal(["a", "b", "c", "d"], reader.Schema.Columns.Select(c => c.Name));
        Assert.Equal([1, 2, 3, 4, 5], reader.ReadColumn("b").GetValues<int>());
        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn("e"));
        Assert.Contains("'e'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
        Assert.Throws<ParquetFormatException>(() => reader.ReadColumn("e.list.element"));
    }

    [Fact]
    public void Asking_for_a_column_the_file_lacks_is_an_argument_error()
    {
        using var reader = ParquetFileReader.Open(RepositoryPaths.ParquetTestingFile("sort_columns.parquet"));

        Assert.Throws<ArgumentException>(() => reader.ReadColumn("missing"));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadColumn("a", rowGroup: 2));
    }

    [Fact]
    public void Opens_a_file_from_a_stream_that_cannot_seek()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.ParquetTestingFile("byte_stream_split.zstd.parquet"));
        using var reader = ParquetFileReader.Open(new ForwardOnlyStream(bytes));

        Assert.Equal(300, reader.ReadColumn("f64").Count);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
