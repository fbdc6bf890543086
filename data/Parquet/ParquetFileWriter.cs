namespace QuantCluster.Data.Parquet;

/// <summary>
/// Writes a flat table of equal-length columns as a Parquet file: row groups of
/// <see cref="ParquetWriterOptions.RowGroupSize"/> rows, v1 data pages, column statistics.
/// </summary>
public static class ParquetFileWriter
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    public static void Write(string path, IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, columns, options);
    }

    public static void Write(Stream stream, IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions? options = null)
    {
        options ??= new ParquetWriterOptions();
        Validate(columns, options);
        var rows = columns[0].Count;
        var output = new TrackedOutput(stream);
        output.Write(Magic);
        var metadata = new FileMetadata
        {
            Version = 2,
            NumRows = rows,
            CreatedBy = options.CreatedBy,
            ColumnOrderCount = columns.Count,
        };
        metadata.Schema.Add(new SchemaElement { Name = "schema", NumChildren = columns.Count });
        metadata.Schema.AddRange(columns.Select(SchemaElementOf));
        var chunkWriter = new ColumnChunkWriter(output, options);
        for (var start = 0; start < rows; start += options.RowGroupSize)
        {
            var count = Math.Min(options.RowGroupSize, rows - start);
            var group = new RowGroupMetadata
            {
                NumRows = count,
                FileOffset = output.Position,
                Ordinal = (short)Math.Min(metadata.RowGroups.Count, short.MaxValue),
            };
            foreach (var column in columns)
                group.Columns.Add(chunkWriter.Write(column, start, count));
            group.TotalByteSize = group.Columns.Sum(c => c.TotalUncompressedSize);
            group.TotalCompressedSize = group.Columns.Sum(c => c.TotalCompressedSize);
            metadata.RowGroups.Add(group);
        }

        var footer = new ThriftCompactWriter();
        metadata.Write(footer);
        output.Write(footer.WrittenSpan);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, footer.WrittenSpan.Length);
        output.Write(length);
        output.Write(Magic);
        stream.Flush();
    }

    private static void Validate(IReadOnlyList<ParquetWriteColumn> columns, ParquetWriterOptions options)
    {
        if (columns.Count == 0)
            throw new ArgumentException("a Parquet file needs at least one column", nameof(columns));
        if (columns.Any(c => c.Count != columns[0].Count))
            throw new ArgumentException("all columns must have the same number of rows", nameof(columns));
        if (columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != columns.Count)
            throw new ArgumentException("column names must be unique", nameof(columns));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowsPerPage, 1, nameof(options));
        if (options.DoubleEncoding is not (ParquetEncoding.Plain or ParquetEncoding.ByteStreamSplit))
            throw new ArgumentException($"doubles can be written PLAIN or BYTE_STREAM_SPLIT, not {ThriftEnumNames.Of(options.DoubleEncoding)}", nameof(options));
        if (options.Compression is not (ParquetCompression.Uncompressed or ParquetCompression.Snappy or ParquetCompression.Gzip
            or ParquetCompression.Zstd or ParquetCompression.Lz4Raw))
            throw new ArgumentException($"the writer does not support codec {ThriftEnumNames.Of(options.Compression)}", nameof(options));
    }

    private static SchemaElement SchemaElementOf(ParquetWriteColumn column)
    {
        var element = new SchemaElement
        {
            Name = column.Name,
            Type = ColumnChunkWriter.PhysicalTypeOf(column.Kind),
            RepetitionType = column.IsOptional ? SchemaElement.Optional : SchemaElement.Required,
        };
        switch (column.Kind)
        {
            case ParquetWriteKind.TimestampMicros:
                element.ConvertedType = 10;
                element.LogicalType = new LogicalTypeAnnotation(ParquetLogicalType.Timestamp, ParquetTimeUnit.Micros, true);
                break;
            case ParquetWriteKind.String:
                element.ConvertedType = 0;
                element.LogicalType = new LogicalTypeAnnotation(ParquetLogicalType.String, null, false);
                break;
            default:
                break;
        }

        return element;
    }
}
