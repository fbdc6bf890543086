using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Decodes the RLE/bit-packed hybrid encoding used for definition levels, dictionary indices
/// and RLE booleans. Runs are validated against the bytes that remain, so a corrupt stream ends
/// in a <see cref="ParquetFormatException"/>.
/// </summary>
internal ref struct RleBitPackedHybridDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private int _position;
    private int _repeatRemaining;
    private int _repeatValue;
    private int _packedRemaining;
    private long _packedBitOffset;

    public RleBitPackedHybridDecoder(ReadOnlySpan<byte> data, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
            throw new ParquetFormatException($"RLE/bit-packed bit width {bitWidth} is outside 0..32");
        _data = data;
        _bitWidth = bitWidth;
    }

    /// <summary>Fills <paramref name="destination"/> completely or throws.</summary>
    public void Read(Span<int> destination)
    {
        var filled = 0;
        while (filled < destination.Length)
        {
            if (_repeatRemaining > 0)
            {
                var n = Math.Min(_repeatRemaining, destination.Length - filled);
                destination.Slice(filled, n).Fill(_repeatValue);
                filled += n;
                _repeatRemaining -= n;
            }
            else if (_packedRemaining > 0)
            {
                var n = Math.Min(_packedRemaining, destination.Length - filled);
                Unpack(destination.Slice(filled, n));
                filled += n;
                _packedRemaining -= n;
            }
            else if (!ReadRunHeader())
            {
                throw new ParquetFormatException(
                    $"RLE/bit-packed data ends after {filled} of {destination.Length} values");
            }
        }
    }

    /// <summary>
    /// Bit-packed values: while eight bytes can be read at a value's first byte, one unaligned
    /// 64-bit load holds it whole (a width of at most 32 plus a shift of at most 7), so the hot
    /// loop has no bounds checks; the last few values take the careful path.
    /// </summary>
    private void Unpack(Span<int> destination)
    {
        var width = _bitWidth;
        var mask = width == 32 ? uint.MaxValue : (1u << width) - 1;
        var bit = _packedBitOffset;
        var lastFastBit = ((long)_data.Length - 8) * 8;
        ref var data = ref MemoryMarshal.GetReference(_data);
        var i = 0;
        for (; i < destination.Length && bit <= lastFastBit; i++, bit += width)
        {
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, (nint)(bit >> 3)));
            destination[i] = (int)((uint)(word >> (int)(bit & 7)) & mask);
        }

        for (; i < destination.Length; i++, bit += width)
            destination[i] = (int)PackedBits.Read(_data, bit, width);
        _packedBitOffset = bit;
    }

    private bool ReadRunHeader()
    {
        if (_position >= _data.Length)
            return false;
        var header = ReadVarint();
        var count = header >> 1;
        if ((header & 1) == 0)
        {
            var valueBytes = (_bitWidth + 7) / 8;
            if (_data.Length - _position < valueBytes)
                throw new ParquetFormatException("RLE run value is past the end of the data");
            Span<byte> value = stackalloc byte[4];
            value.Clear();
            _data.Slice(_position, valueBytes).CopyTo(value);
            _position += valueBytes;
            _repeatValue = BinaryPrimitives.ReadInt32LittleEndian(value);
            _repeatRemaining = (int)Math.Min(count, int.MaxValue);
            return true;
        }

        // A bit-packed run of count groups of 8 values; a writer may cut the last run short.
        var remainingBytes = _data.Length - _position;
        var wantedBytes = count * (ulong)_bitWidth;
        var available = _bitWidth == 0 ? count * 8 : (ulong)Math.Min(wantedBytes, (ulong)remainingBytes) * 8 / (ulong)_bitWidth;
        if (available == 0 && count > 0)
            throw new ParquetFormatException("bit-packed run is past the end of the data");
        _packedRemaining = (int)Math.Min(available, int.MaxValue);
        _packedBitOffset = (long)_position * 8;
        _position += (int)Math.Min(wantedBytes, (ulong)remainingBytes);
        return true;
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (_position >= _data.Length)
                throw new ParquetFormatException("RLE/bit-packed run header is past the end of the data");
            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return result;
        }

        throw new ParquetFormatException("RLE/bit-packed run header varint is longer than 5 bytes");
    }
}
