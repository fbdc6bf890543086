using System.Buffers;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Reads the pages of one column chunk straight into a slice of the column's result array:
/// non-null values are decoded to the front of the slice, then spread out over the null rows.
/// </summary>
internal sealed class ColumnChunkReader<T>(ParquetColumnInfo column, ValueDecoder<T> decoder) : IDisposable
{
    /// <summary>Pages claiming more than this are treated as corrupt rather than allocated.</summary>
    private const int MaxPageSize = 1 << 30;

    private T[]? _dictionary;
    private byte[] _scratch = [];

    /// <summary>Fills values (and nulls, for a nullable column) with one row group's rows.</summary>
    public void Read(ReadOnlySpan<byte> chunk, long chunkOffset, ParquetCompression codec, Span<T> values, Span<bool> nulls)
    {
        _dictionary = null;
        var rows = 0;
        var position = 0;
        while (rows < values.Length)
        {
            if (position >= chunk.Length)
                throw new ParquetFormatException($"column chunk ends after {rows} of {values.Length} rows");
            var pageOffset = chunkOffset + position;
            var header = PageHeader.Read(chunk[position..], pageOffset, out var headerLength);
            position += headerLength;
            if (header.CompressedPageSize < 0 || header.CompressedPageSize > chunk.Length - position)
            {
                throw new ParquetFormatException(
                    $"page at byte offset {pageOffset} declares {header.CompressedPageSize} bytes but only {chunk.Length - position} remain in the column chunk");
            }

            if (header.UncompressedPageSize is < 0 or > MaxPageSize)
                throw new ParquetFormatException($"page at byte offset {pageOffset} declares an uncompressed size of {header.UncompressedPageSize} bytes");
            var body = chunk.Slice(position, header.CompressedPageSize);
            position += header.CompressedPageSize;
            var page = new PageContext(header, body, codec, pageOffset);
            switch (header.Type)
            {
                case PageType.DictionaryPage:
                    ReadDictionaryPage(page);
                    break;
                case PageType.DataPage:
                    rows += ReadDataPageV1(page, values[rows..], nulls.IsEmpty ? nulls : nulls[rows..]);
                    break;
                case PageType.DataPageV2:
                    rows += ReadDataPageV2(page, values[rows..], nulls.IsEmpty ? nulls : nulls[rows..]);
                    break;
                default:
                    // Index pages and unknown page types carry nothing the values need.
                    break;
            }
        }
    }

    private void ReadDictionaryPage(PageContext page)
    {
        if (page.Header.TypeHeaderField != 7)
            throw new ParquetFormatException($"dictionary page at byte offset {page.Offset} has no dictionary page header");
        if (_dictionary is not null)
            throw new ParquetFormatException($"column chunk has a second dictionary page at byte offset {page.Offset}");
        if (page.Header.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
            throw new ParquetFormatException($"unsupported dictionary page encoding {ThriftEnumNames.Of(page.Header.Encoding)}");
        var data = Decompress(page.Body, page.Header.UncompressedPageSize, page.Codec, page.Offset);
        var count = page.Header.NumValues;
        if (count < 0 || (long)count > (long)data.Length * 8)
            throw new ParquetFormatException($"dictionary page at byte offset {page.Offset} claims {count} values in {data.Length} bytes");
        _dictionary = decoder.DecodeDictionary(data, count);
    }

    private int ReadDataPageV1(PageContext page, Span<T> values, Span<bool> nulls)
    {
        if (page.Header.TypeHeaderField != 5)
            throw new ParquetFormatException($"data page at byte offset {page.Offset} has no data page header");
        var count = CheckValueCount(page, values.Length);
        var data = Decompress(page.Body, page.Header.UncompressedPageSize, page.Codec, page.Offset);
        var levelBytes = 0;
        var nonNull = count;
        if (column.MaxDefinitionLevel > 0)
        {
            var levels = ArrayPool<int>.Shared.Rent(count);
            try
            {
                levelBytes = DefinitionLevelDecoder.DecodeV1(page.Header.DefinitionLevelEncoding, data, column.MaxDefinitionLevel, levels.AsSpan(0, count));
                nonNull = MarkNulls(levels.AsSpan(0, count), nulls[..count]);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }

        DecodeValues(page.Header.Encoding, data[levelBytes..], values[..count], nulls, nonNull);
        return count;
    }

    private int ReadDataPageV2(PageContext page, Span<T> values, Span<bool> nulls)
    {
        if (page.Header.TypeHeaderField != 8)
            throw new ParquetFormatException($"data page v2 at byte offset {page.Offset} has no v2 header");
        var count = CheckValueCount(page, values.Length);
        var repetitionBytes = page.Header.RepetitionLevelsByteLength;
        var definitionBytes = page.Header.DefinitionLevelsByteLength;
        if (repetitionBytes < 0 || definitionBytes < 0 || (long)repetitionBytes + definitionBytes > page.Body.Length)
            throw new ParquetFormatException($"data page v2 at byte offset {page.Offset} has level lengths past the end of the page");
        var nonNull = count;
        if (column.MaxDefinitionLevel > 0)
        {
            var levels = ArrayPool<int>.Shared.Rent(count);
            try
            {
                DefinitionLevelDecoder.DecodeV2(page.Body.Slice(repetitionBytes, definitionBytes), column.MaxDefinitionLevel, levels.AsSpan(0, count));
                nonNull = MarkNulls(levels.AsSpan(0, count), nulls[..count]);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }

        // In v2 pages the levels are never compressed; only the values after them may be.
        var encoded = page.Body[(repetitionBytes + definitionBytes)..];
        var uncompressedSize = page.Header.UncompressedPageSize - repetitionBytes - definitionBytes;
        if (uncompressedSize < 0)
            throw new ParquetFormatException($"data page v2 at byte offset {page.Offset} is smaller than its levels");
        var data = page.Header.IsCompressed ? Decompress(encoded, uncompressedSize, page.Codec, page.Offset) : encoded;
        DecodeValues(page.Header.Encoding, data, values[..count], nulls, nonNull);
        return count;
    }

    private static int CheckValueCount(PageContext page, int remainingRows)
    {
        var count = page.Header.NumValues;
        if (count < 0 || count > remainingRows)
            throw new ParquetFormatException($"page at byte offset {page.Offset} holds {count} values but only {remainingRows} rows of the row group remain");
        return count;
    }

    /// <summary>Marks the rows whose level is below the maximum as null; returns the non-null count.</summary>
    private int MarkNulls(ReadOnlySpan<int> levels, Span<bool> nulls)
    {
        var max = column.MaxDefinitionLevel;

        // Most pages have no nulls at all: one vectorised scan settles that.
        if (levels.IndexOfAnyExcept(max) < 0)
        {
            nulls.Clear();
            return levels.Length;
        }

        var nonNull = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if ((uint)level > (uint)max)
                throw new ParquetFormatException($"definition level {level} exceeds the column's maximum {max}");
            nulls[i] = level < max;
            nonNull += level == max ? 1 : 0;
        }

        return nonNull;
    }

    private void DecodeValues(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<T> values, Span<bool> nulls, int nonNull)
    {
        if (nonNull > 0)
        {
            var dense = values[..nonNull];
            if (encoding is ParquetEncoding.RleDictionary or ParquetEncoding.PlainDictionary)
                DecodeDictionaryIndices(data, dense);
            else
                decoder.Decode(encoding, data, dense);
        }

        if (nonNull < values.Length)
            SpreadOverNulls(values, nulls, nonNull);
    }

    private void DecodeDictionaryIndices(ReadOnlySpan<byte> data, Span<T> destination)
    {
        var dictionary = _dictionary ?? throw new ParquetFormatException("dictionary-encoded page without a dictionary page");
        if (data.IsEmpty)
            throw new ParquetFormatException("dictionary-encoded page has no index bit width");
        var indices = ArrayPool<int>.Shared.Rent(destination.Length);
        try
        {
            var span = indices.AsSpan(0, destination.Length);
            new RleBitPackedHybridDecoder(data[1..], data[0]).Read(span);
            for (var i = 0; i < span.Length; i++)
            {
                var index = span[i];
                if ((uint)index >= (uint)dictionary.Length)
                    throw new ParquetFormatException($"dictionary index {index} is out of range: the dictionary has {dictionary.Length} entries");
                destination[i] = dictionary[index];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
    }

    /// <summary>Moves the dense values to their rows, back to front so nothing is overwritten early.</summary>
    private static void SpreadOverNulls(Span<T> values, ReadOnlySpan<bool> nulls, int nonNull)
    {
        var source = nonNull - 1;
        for (var row = values.Length - 1; row >= 0; row--)
            values[row] = nulls[row] ? default! : values[source--];
    }

    private ReadOnlySpan<byte> Decompress(ReadOnlySpan<byte> body, int uncompressedSize, ParquetCompression codec, long pageOffset)
    {
        if (codec == ParquetCompression.Uncompressed && body.Length == uncompressedSize)
            return body;
        if (!PageCompression.IsPlausible(codec, body, uncompressedSize))
        {
            throw new ParquetFormatException(
                $"page at byte offset {pageOffset} declares {uncompressedSize} uncompressed bytes, which {body.Length} bytes of {ThriftEnumNames.Of(codec)} data cannot hold");
        }

        if (_scratch.Length < uncompressedSize)
        {
            // Pages are often near a megabyte: pooled, so reading a column allocates no page buffer.
            var size = Math.Max(uncompressedSize, Math.Min(_scratch.Length * 2, MaxPageSize));
            ReturnScratch();
            _scratch = ArrayPool<byte>.Shared.Rent(size);
        }

        var destination = _scratch.AsSpan(0, uncompressedSize);
        PageCompression.Decompress(codec, body, destination, pageOffset);
        return destination;
    }

    public void Dispose() => ReturnScratch();

    private void ReturnScratch()
    {
        if (_scratch.Length > 0)
            ArrayPool<byte>.Shared.Return(_scratch);
        _scratch = [];
    }

    private readonly ref struct PageContext(PageHeader header, ReadOnlySpan<byte> body, ParquetCompression codec, long offset)
    {
        public PageHeader Header { get; } = header;

        public ReadOnlySpan<byte> Body { get; } = body;

        public ParquetCompression Codec { get; } = codec;

        public long Offset { get; } = offset;
    }
}
