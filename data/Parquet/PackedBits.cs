using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Reads values bit-packed least-significant bit first, the order Parquet's RLE/bit-packed
/// hybrid and DELTA_BINARY_PACKED use. Bits past the end of the span read as zero, since the
/// last group of a page may be shorter than its nominal size.
/// </summary>
internal static class PackedBits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ReadOnlySpan<byte> data, long bitOffset, int width)
    {
        var byteIndex = (int)(bitOffset >> 3);
        var shift = (int)(bitOffset & 7);
        var value = ReadUInt64(data, byteIndex) >> shift;
        if (shift + width > 64)
            value |= (ulong)ByteAt(data, byteIndex + 8) << (64 - shift);
        return width == 64 ? value : value & ((1UL << width) - 1);
    }

    /// <summary>Bits needed to hold <paramref name="maxValue"/>.</summary>
    public static int WidthOf(long maxValue) => maxValue <= 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)maxValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadUInt64(ReadOnlySpan<byte> data, int index)
    {
        if (index >= 0 && index <= data.Length - 8)
            return BinaryPrimitives.ReadUInt64LittleEndian(data[index..]);
        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        if (index < data.Length)
            data[index..].CopyTo(padded);
        return BinaryPrimitives.ReadUInt64LittleEndian(padded);
    }

    private static byte ByteAt(ReadOnlySpan<byte> data, int index) => (uint)index < (uint)data.Length ? data[index] : (byte)0;
}
