using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Writes one column's rows of one row group as a column chunk: a dictionary page for strings,
/// then v1 data pages (definition levels, then values), each compressed whole.
/// </summary>
internal sealed class ColumnChunkWriter(TrackedOutput output, ParquetWriterOptions options)
{
    private readonly ThriftCompactWriter _header = new();
    private readonly ArrayBufferWriter<byte> _page = new(1 << 16);
    private readonly ArrayBufferWriter<byte> _levels = new(1 << 10);
    private long _compressedSize;
    private long _uncompressedSize;

    public ColumnChunkMetadata Write(ParquetWriteColumn column, int start, int count)
    {
        _compressedSize = 0;
        _uncompressedSize = 0;
        var chunk = new ColumnChunkMetadata
        {
            HasMetadata = true,
            FileOffset = output.Position,
            Type = PhysicalTypeOf(column.Kind),
            Codec = options.Compression,
            NumValues = count,
        };
        chunk.PathInSchema.Add(column.Name);
        var valueEncoding = column.Kind switch
        {
            ParquetWriteKind.String => ParquetEncoding.RleDictionary,
            ParquetWriteKind.Double => options.DoubleEncoding,
            _ => ParquetEncoding.Plain,
        };

        int[]? indices = null;
        if (column.Kind == ParquetWriteKind.String)
        {
            var (dictionary, rowIndices) = BuildDictionary((string?[])column.Values, column, start, count);
            indices = rowIndices;
            chunk.DictionaryPageOffset = output.Position;
            WriteDictionaryPage(dictionary);
            chunk.Statistics = ChunkStatistics.ForStrings(dictionary, count - indices.Count(i => i >= 0));
            chunk.Encodings.Add(ParquetEncoding.Plain);
        }

        chunk.DataPageOffset = output.Position;
        for (var page = 0; page < count; page += options.RowsPerPage)
        {
            var rows = Math.Min(options.RowsPerPage, count - page);
            _page.Clear();
            if (column.IsOptional)
                WriteDefinitionLevels(column, start + page, rows);
            WriteValues(column, start + page, rows, indices is null ? default : indices.AsSpan(page, rows), valueEncoding);
            WritePage(PageType.DataPage, _page.WrittenSpan, rows, valueEncoding);
        }

        chunk.Encodings.Add(valueEncoding);
        chunk.Encodings.Add(ParquetEncoding.Rle);
        chunk.Statistics ??= column.Values switch
        {
            long[] longs => ChunkStatistics.ForInt64(longs, column, start, count),
            double[] doubles => ChunkStatistics.ForDouble(doubles, column, start, count),
            _ => null,
        };
        chunk.TotalCompressedSize = _compressedSize;
        chunk.TotalUncompressedSize = _uncompressedSize;
        return chunk;
    }

    public static ParquetPhysicalType PhysicalTypeOf(ParquetWriteKind kind) => kind switch
    {
        ParquetWriteKind.Double => ParquetPhysicalType.Double,
        ParquetWriteKind.String => ParquetPhysicalType.ByteArray,
        _ => ParquetPhysicalType.Int64,
    };

    private static (List<byte[]> Dictionary, int[] Indices) BuildDictionary(string?[] values, ParquetWriteColumn column, int start, int count)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var dictionary = new List<byte[]>();
        var indices = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (column.IsNull(start + i))
            {
                indices[i] = -1;
                continue;
            }

            var value = values[start + i]!;
            if (!ids.TryGetValue(value, out var id))
            {
                id = dictionary.Count;
                ids.Add(value, id);
                dictionary.Add(Encoding.UTF8.GetBytes(value));
            }

            indices[i] = id;
        }

        return (dictionary, indices);
    }

    private void WriteDictionaryPage(List<byte[]> dictionary)
    {
        _page.Clear();
        foreach (var entry in dictionary)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_page.GetSpan(4), entry.Length);
            _page.Advance(4);
            _page.Write(entry);
        }

        WritePage(PageType.DictionaryPage, _page.WrittenSpan, dictionary.Count, ParquetEncoding.Plain);
    }

    /// <summary>v1 levels: a 4-byte length, then the hybrid encoding with bit width 1.</summary>
    private void WriteDefinitionLevels(ParquetWriteColumn column, int start, int rows)
    {
        var levels = ArrayPool<int>.Shared.Rent(rows);
        try
        {
            for (var i = 0; i < rows; i++)
                levels[i] = column.IsNull(start + i) ? 0 : 1;
            _levels.Clear();
            RleBitPackedHybridEncoder.Encode(levels.AsSpan(0, rows), 1, _levels);
            BinaryPrimitives.WriteInt32LittleEndian(_page.GetSpan(4), _levels.WrittenCount);
            _page.Advance(4);
            _page.Write(_levels.WrittenSpan);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    private void WriteValues(ParquetWriteColumn column, int start, int rows, ReadOnlySpan<int> indices, ParquetEncoding encoding)
    {
        switch (column.Values)
        {
            case long[] longs:
                WriteFixed(longs.AsSpan(start, rows), column, start, encoding);
                break;
            case double[] doubles:
                WriteFixed(doubles.AsSpan(start, rows), column, start, encoding);
                break;
            default:
                WriteIndices(indices);
                break;
        }
    }

    /// <summary>Non-null values only, PLAIN or BYTE_STREAM_SPLIT.</summary>
    private void WriteFixed<T>(ReadOnlySpan<T> values, ParquetWriteColumn column, int start, ParquetEncoding encoding)
        where T : unmanaged
    {
        var dense = ArrayPool<T>.Shared.Rent(values.Length);
        try
        {
            var count = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (!column.IsNull(start + i))
                    dense[count++] = values[i];
            }

            var bytes = MemoryMarshal.AsBytes(dense.AsSpan(0, count));
            var target = _page.GetSpan(bytes.Length)[..bytes.Length];
            if (encoding == ParquetEncoding.ByteStreamSplit)
                ByteStreamSplitEncoder.Encode(bytes, target, Unsafe.SizeOf<T>());
            else
                bytes.CopyTo(target);
            _page.Advance(bytes.Length);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(dense);
        }
    }

    /// <summary>RLE_DICTIONARY data: one byte of bit width, then the hybrid encoding of the indices.</summary>
    private void WriteIndices(ReadOnlySpan<int> indices)
    {
        var dense = ArrayPool<int>.Shared.Rent(indices.Length);
        try
        {
            var count = 0;
            var max = 0;
            foreach (var index in indices)
            {
                if (index < 0)
                    continue;
                dense[count++] = index;
                max = Math.Max(max, index);
            }

            var bitWidth = Math.Max(1, PackedBits.WidthOf(max));
            _page.GetSpan(1)[0] = (byte)bitWidth;
            _page.Advance(1);
            RleBitPackedHybridEncoder.Encode(dense.AsSpan(0, count), bitWidth, _page);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(dense);
        }
    }

    private void WritePage(PageType type, ReadOnlySpan<byte> body, int valueCount, ParquetEncoding encoding)
    {
        var compressed = options.Compression == ParquetCompression.Uncompressed
            ? body
            : PageCompression.Compress(options.Compression, body);
        var header = new PageHeader
        {
            Type = type,
            UncompressedPageSize = body.Length,
            CompressedPageSize = compressed.Length,
            NumValues = valueCount,
            Encoding = encoding,
        };
        _header.Clear();
        header.Write(_header);
        output.Write(_header.WrittenSpan);
        output.Write(compressed);
        _compressedSize += _header.WrittenSpan.Length + compressed.Length;
        _uncompressedSize += _header.WrittenSpan.Length + body.Length;
    }
}
