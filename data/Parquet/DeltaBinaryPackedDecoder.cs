using System.Numerics;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Decodes DELTA_BINARY_PACKED integers. Arithmetic wraps, as the format requires: deltas of
/// values near the type's limits overflow and wrap back.
/// </summary>
internal ref struct DeltaBinaryPackedDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _valuesPerMiniblock;
    private readonly int _miniblocksPerBlock;
    private int _position;

    public DeltaBinaryPackedDecoder(ReadOnlySpan<byte> data)
    {
        _data = data;
        var blockSize = ReadUnsigned();
        var miniblocks = ReadUnsigned();
        var count = ReadUnsigned();
        FirstValue = ReadZigZag();
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > 1 << 20)
            throw new ParquetFormatException($"DELTA_BINARY_PACKED block size {blockSize} is not a positive multiple of 128");
        if (miniblocks == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0)
            throw new ParquetFormatException($"DELTA_BINARY_PACKED has {miniblocks} miniblocks per block of {blockSize}");
        if (count > int.MaxValue)
            throw new ParquetFormatException($"DELTA_BINARY_PACKED value count {count} is too large");
        _miniblocksPerBlock = (int)miniblocks;
        _valuesPerMiniblock = (int)(blockSize / miniblocks);
        TotalValueCount = (int)count;
    }

    public int TotalValueCount { get; }

    public long FirstValue { get; }

    /// <summary>Bytes consumed so far; after <see cref="Decode{T}"/> of every value, the encoded length.</summary>
    public readonly int Position => _position;

    /// <summary>Decodes the first destination.Length values (at most <see cref="TotalValueCount"/>).</summary>
    public void Decode<T>(Span<T> destination)
        where T : IBinaryInteger<T>
    {
        if (destination.Length > TotalValueCount)
            throw new ParquetFormatException(
                $"DELTA_BINARY_PACKED holds {TotalValueCount} values, the page needs {destination.Length}");
        if (destination.Length == 0)
            return;
        var value = FirstValue;
        destination[0] = T.CreateTruncating(value);
        var done = 1;
        Span<byte> widths = stackalloc byte[_miniblocksPerBlock];
        while (done < TotalValueCount)
        {
            var minDelta = ReadZigZag();
            if (_data.Length - _position < _miniblocksPerBlock)
                throw new ParquetFormatException("DELTA_BINARY_PACKED block header is past the end of the data");
            _data.Slice(_position, _miniblocksPerBlock).CopyTo(widths);
            _position += _miniblocksPerBlock;
            for (var m = 0; m < _miniblocksPerBlock && done < TotalValueCount; m++)
            {
                var width = widths[m];
                if (width > 64)
                    throw new ParquetFormatException($"DELTA_BINARY_PACKED miniblock bit width {width} exceeds 64");
                var miniblockBytes = _valuesPerMiniblock / 8 * width;
                var needed = Math.Min(_valuesPerMiniblock, TotalValueCount - done);
                if (_data.Length - _position < ((long)needed * width + 7) / 8)
                    throw new ParquetFormatException("DELTA_BINARY_PACKED miniblock is past the end of the data");
                var miniblock = _data.Slice(_position, Math.Min(miniblockBytes, _data.Length - _position));
                // Values past the destination only need skipping, which keeps corrupt counts cheap.
                var stored = Math.Min(needed, destination.Length - Math.Min(done, destination.Length));
                for (var i = 0; i < stored; i++)
                {
                    value = unchecked(value + minDelta + (long)PackedBits.Read(miniblock, (long)i * width, width));
                    destination[done + i] = T.CreateTruncating(value);
                }

                done += needed;
                _position += miniblock.Length;
            }
        }
    }

    private ulong ReadUnsigned()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _data.Length)
                throw new ParquetFormatException("DELTA_BINARY_PACKED header is past the end of the data");
            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return result;
        }

        throw new ParquetFormatException("DELTA_BINARY_PACKED varint is longer than 10 bytes");
    }

    private long ReadZigZag()
    {
        var raw = ReadUnsigned();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
