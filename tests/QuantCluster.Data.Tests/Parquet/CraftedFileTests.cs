using QuantCluster.Data.Parquet;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>Files built part by part, for layouts no writer at hand produces.</summary>
public sealed class CraftedFileTests
{
    [Fact]
    public void Reads_millisecond_timestamps_as_microseconds_and_keeps_the_unit()
    {
        var column = TimestampColumn(ParquetTimeUnit.Millis);
        var bytes = CraftedParquetFile.Int64Column([1_704_067_200_123, -1], column);

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));

        Assert.Equal(ParquetTimeUnit.Millis, reader.Schema.Find("ts")!.TimeUnit);
        Assert.Equal([1_704_067_200_123_000L, -1000], reader.ReadColumn("ts").GetValues<long>());
    }

    [Fact]
    public void Reads_nanosecond_timestamps_rounding_down_to_the_microsecond()
    {
        var bytes = CraftedParquetFile.Int64Column([1_999, -1, -1_000, 1_704_067_200_123_456_789], TimestampColumn(ParquetTimeUnit.Nanos));

        using var reader = ParquetFileReader.Open(new MemoryStream(bytes));

        Assert.Equal([1L, -1, -1, 1_704_067_200_123_456], reader.ReadColumn("ts").GetValues<long>());
    }

    [Fact]
    public void Reads_legacy_TIMESTAMP_MILLIS_converted_type_as_UTC()
    {
        var column = new SchemaElement { Name = "ts", Type = ParquetPhysicalType.Int64, RepetitionType = SchemaElement.Required, ConvertedType = 9 };

        using var reader = ParquetFileReader.Open(new MemoryStream(CraftedParquetFile.Int64Column([5], column)));

        Assert.True(reader.Schema.Find("ts")!.IsAdjustedToUtc);
        Assert.Equal([5000L], reader.ReadColumn("ts").GetValues<long>());
    }

    [Fact]
    public void Reads_a_v2_page_whose_values_are_stored_uncompressed_in_a_zstd_chunk()
    {
        // Rows 1, null, 3: levels 1 0 1 as one bit-packed group, then the two PLAIN values.
        byte[] levels = [0x03, 0b0000_0101];
        byte[] body = [.. levels, .. BitConverter.GetBytes(1L), .. BitConverter.GetBytes(3L)];
        var page = new PageHeader
        {
            Type = PageType.DataPageV2,
            UncompressedPageSize = body.Length,
            CompressedPageSize = body.Length,
            NumValues = 3,
            NumNulls = 1,
            NumRows = 3,
            Encoding = ParquetEncoding.Plain,
            DefinitionLevelsByteLength = levels.Length,
            IsCompressed = false,
        };
        var column = new SchemaElement { Name = "v", Type = ParquetPhysicalType.Int64, RepetitionType = SchemaElement.Optional };

        using var reader = ParquetFileReader.Open(new MemoryStream(CraftedParquetFile.Build(column, page, body, 3, ParquetCompression.Zstd)));
        var values = reader.ReadColumn("v");

        Assert.Equal([1L, 0, 3], values.GetValues<long>());
        Assert.Equal([false, true, false], values.Nulls!);
    }

    [Fact]
    public async Task An_encoding_the_type_cannot_have_names_the_encoding_and_column()
    {
        var bytes = CraftedParquetFile.Int64Column([1, 2, 3], adjustPage: p => p.Encoding = ParquetEncoding.DeltaByteArray);

        var error = await ParquetBytes.WithinSeconds(10, () => Record.Exception(() => ParquetBytes.ReadEverything(bytes)));

        var formatError = Assert.IsType<ParquetFormatException>(error);
        Assert.Contains("unsupported encoding DELTA_BYTE_ARRAY for INT64 values", formatError.Message, StringComparison.Ordinal);
        Assert.Contains("column 'v'", formatError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_larger_than_its_column_chunk_is_refused()
    {
        var bytes = CraftedParquetFile.Int64Column([1, 2, 3], adjustPage: p => p.CompressedPageSize = 10_000);

        var error = await ParquetBytes.WithinSeconds(10, () => Record.Exception(() => ParquetBytes.ReadEverything(bytes)));

        Assert.Contains("declares 10000 bytes but only 24 remain in the column chunk", Assert.IsType<ParquetFormatException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_with_more_values_than_the_row_group_is_refused()
    {
        var bytes = CraftedParquetFile.Int64Column([1, 2, 3], adjustPage: p => p.NumValues = 1_000_000);

        var error = await ParquetBytes.WithinSeconds(10, () => Record.Exception(() => ParquetBytes.ReadEverything(bytes)));

        Assert.Contains("holds 1000000 values but only 3 rows", Assert.IsType<ParquetFormatException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dictionary_encoded_page_without_a_dictionary_is_refused()
    {
        var bytes = CraftedParquetFile.Int64Column([1, 2, 3], adjustPage: p => p.Encoding = ParquetEncoding.RleDictionary);

        var error = await ParquetBytes.WithinSeconds(10, () => Record.Exception(() => ParquetBytes.ReadEverything(bytes)));

        Assert.Contains("without a dictionary page", Assert.IsType<ParquetFormatException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_codec_is_named()
    {
        var bytes = CraftedParquetFile.Int64Column([1]);
        // The footer's codec field: find the chunk metadata's codec (0) and set it to LZO (3).
        using (var reader = ParquetFileReader.Open(new MemoryStream(bytes)))
            Assert.Equal(ParquetCompression.Uncompressed, reader.RowGroups[0].Columns[0].Codec);
        var patched = PatchCodec(bytes, ParquetCompression.Lzo);

        var error = await ParquetBytes.WithinSeconds(10, () => Record.Exception(() => ParquetBytes.ReadEverything(patched)));

        Assert.Contains("unsupported codec LZO", Assert.IsType<ParquetFormatException>(error).Message, StringComparison.Ordinal);
    }

    private static SchemaElement TimestampColumn(ParquetTimeUnit unit) => new()
    {
        Name = "ts",
        Type = ParquetPhysicalType.Int64,
        RepetitionType = SchemaElement.Required,
        LogicalType = new LogicalTypeAnnotation(ParquetLogicalType.Timestamp, unit, true),
    };

    /// <summary>Rebuilds the file with the footer's codec changed, via the library's own metadata types.</summary>
    private static byte[] PatchCodec(byte[] bytes, ParquetCompression codec)
    {
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        var footerStart = bytes.Length - 8 - footerLength;
        var metadata = FileMetadata.Read(bytes.AsSpan(footerStart, footerLength), footerStart);
        metadata.RowGroups[0].Columns[0].Codec = codec;
        var thrift = new ThriftCompactWriter();
        metadata.Write(thrift);
        return [.. bytes.AsSpan(0, footerStart), .. thrift.WrittenSpan, .. BitConverter.GetBytes(thrift.WrittenSpan.Length), .. "PAR1"u8];
    }
}
