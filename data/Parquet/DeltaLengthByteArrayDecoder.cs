using System.Buffers;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// DELTA_LENGTH_BYTE_ARRAY: every length, DELTA_BINARY_PACKED, then the bytes of every value
/// concatenated. Hands out one value at a time; dispose it to return the pooled lengths.
/// </summary>
internal ref struct DeltaLengthByteArrayDecoder : IDisposable
{
    private readonly ReadOnlySpan<byte> _data;
    private int[]? _lengths;
    private int _next;
    private int _position;

    /// <param name="data">The encoded lengths and values.</param>
    /// <param name="count">How many values the caller needs; the data must hold at least that many.</param>
    public DeltaLengthByteArrayDecoder(ReadOnlySpan<byte> data, int count)
    {
        _data = data;
        var lengths = new DeltaBinaryPackedDecoder(data);
        if (lengths.TotalValueCount < count)
            throw new ParquetFormatException($"DELTA_LENGTH_BYTE_ARRAY holds {lengths.TotalValueCount} values, the page needs {count}");
        Count = count;
        _lengths = ArrayPool<int>.Shared.Rent(count);
        lengths.Decode(_lengths.AsSpan(0, count));
        _position = lengths.Position;
    }

    public int Count { get; }

    /// <summary>The bytes after the last value, where DELTA_BYTE_ARRAY data ends.</summary>
    public readonly int Position => _position;

    public ReadOnlySpan<byte> Next()
    {
        if (_next >= Count || _lengths is null)
            throw new ParquetFormatException($"DELTA_LENGTH_BYTE_ARRAY holds only {Count} values");
        var length = _lengths[_next++];
        if (length < 0 || length > _data.Length - _position)
            throw new ParquetFormatException($"DELTA_LENGTH_BYTE_ARRAY value length {length} is past the end of the data");
        var value = _data.Slice(_position, length);
        _position += length;
        return value;
    }

    public void Dispose()
    {
        if (_lengths is not null)
            ArrayPool<int>.Shared.Return(_lengths);
        _lengths = null;
    }
}
