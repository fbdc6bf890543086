using System.Buffers;

namespace QuantCluster.Data.Parquet;

/// <summary>Reads one flat column over a set of row groups into a single typed array.</summary>
internal sealed class ParquetColumnReader(ParquetFileReader file, ParquetColumnInfo column)
{
    public ParquetColumn Read(IReadOnlyList<int> rowGroups)
    {
        return column.PhysicalType switch
        {
            ParquetPhysicalType.Boolean => Read(new BooleanValueDecoder(), rowGroups),
            ParquetPhysicalType.Int32 => Read(new FixedWidthValueDecoder<int>(column.PhysicalType), rowGroups),
            ParquetPhysicalType.Int64 => Read(new FixedWidthValueDecoder<long>(column.PhysicalType), rowGroups),
            ParquetPhysicalType.Int96 => Read(new Int96TimestampDecoder(), rowGroups),
            ParquetPhysicalType.Float => Read(new FixedWidthValueDecoder<float>(column.PhysicalType), rowGroups),
            ParquetPhysicalType.Double => Read(new FixedWidthValueDecoder<double>(column.PhysicalType), rowGroups),
            ParquetPhysicalType.ByteArray when column.ValueType == typeof(string) => Read(new StringValueDecoder(), rowGroups),
            ParquetPhysicalType.ByteArray => Read(new BinaryValueDecoder(), rowGroups),
            _ => Read(new FixedLenByteArrayValueDecoder(column.TypeLength), rowGroups),
        };
    }

    private ParquetColumn Read<T>(ValueDecoder<T> decoder, IReadOnlyList<int> rowGroups)
    {
        long total = 0;
        foreach (var index in rowGroups)
            total += file.Metadata.RowGroups[index].NumRows;
        if (total > Array.MaxLength)
            throw new ParquetFormatException($"column '{column.Name}' has {total} rows in the chosen row groups, more than one array holds");
        // Every row is written (a null row with the default value), so the array need not be zeroed first.
        var values = GC.AllocateUninitializedArray<T>((int)total);

        // Most nullable columns hold no null: their flags live in a pooled buffer and are copied
        // out only when one is null, which spares a large allocation per column.
        var nulls = column.IsNullable ? ArrayPool<bool>.Shared.Rent((int)total) : null;
        using var chunkReader = new ColumnChunkReader<T>(column, decoder);
        try
        {
            ReadChunks(chunkReader, rowGroups, values, nulls);
            if (values is long[] longs && column.IsInt64Timestamp)
                TimestampConversion.ToMicros(longs, column.TimeUnit!.Value);
            var anyNull = nulls is not null && nulls.AsSpan(0, values.Length).Contains(true);
            return new ParquetColumn(column, values, anyNull ? nulls![..values.Length] : null);
        }
        finally
        {
            if (nulls is not null)
                ArrayPool<bool>.Shared.Return(nulls);
        }
    }

    private void ReadChunks<T>(ColumnChunkReader<T> chunkReader, IReadOnlyList<int> rowGroups, T[] values, bool[]? nulls)
    {
        var row = 0;
        foreach (var index in rowGroups)
        {
            var rows = (int)file.Metadata.RowGroups[index].NumRows;
            var chunk = file.Metadata.RowGroups[index].Columns[column.LeafIndex];
            var (start, length) = ChunkRange(chunk, index);
            var bytes = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                file.ReadAt(start, bytes.AsSpan(0, length));
                chunkReader.Read(bytes.AsSpan(0, length), start, chunk.Codec, values.AsSpan(row, rows), nulls is null ? [] : nulls.AsSpan(row, rows));
            }
            catch (ParquetFormatException ex)
            {
                throw new ParquetFormatException($"column '{column.Name}', row group {index}: {ex.Message}", ex);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }

            row += rows;
        }
    }

    /// <summary>
    /// The chunk's bytes start at its dictionary page when it has one. Some writers record
    /// dictionary_page_offset = 0 (the magic's position); the page loop then finds the dictionary
    /// page by its header at data_page_offset.
    /// </summary>
    private (long Start, int Length) ChunkRange(ColumnChunkMetadata chunk, int rowGroup)
    {
        string Where() => $"column '{column.Name}', row group {rowGroup}";
        if (chunk.FilePath is not null)
            throw new ParquetFormatException($"{Where()}: the chunk is stored in another file ('{chunk.FilePath}'), which is not supported");
        if (chunk.IsEncrypted)
            throw new ParquetFormatException($"{Where()}: encrypted column chunks are not supported");
        if (!chunk.HasMetadata)
            throw new ParquetFormatException($"{Where()}: the footer has no metadata for the chunk");
        if (chunk.Type != column.PhysicalType)
            throw new ParquetFormatException($"{Where()}: the chunk is {ThriftEnumNames.Of(chunk.Type)} but the schema says {ThriftEnumNames.Of(column.PhysicalType)}");
        if (chunk.NumValues != file.Metadata.RowGroups[rowGroup].NumRows)
            throw new ParquetFormatException($"{Where()}: the chunk holds {chunk.NumValues} values but the row group has {file.Metadata.RowGroups[rowGroup].NumRows} rows");
        if (!PageCompression.CanRead(chunk.Codec))
            throw new ParquetFormatException($"{Where()}: unsupported codec {ThriftEnumNames.Of(chunk.Codec)}");
        var start = chunk.DictionaryPageOffset is long dictionary && dictionary > 0 && dictionary < chunk.DataPageOffset
            ? dictionary
            : chunk.DataPageOffset;
        var length = chunk.TotalCompressedSize;
        if (start < 4 || length <= 0 || length > int.MaxValue || start > file.DataEnd - length)
        {
            throw new ParquetFormatException(
                $"{Where()}: the chunk spans bytes {start}..{start + length}, outside the data region 4..{file.DataEnd}");
        }

        return (start, (int)length);
    }
}
