using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace QuantCluster.Data.Parquet;

/// <summary>PLAIN decoding of fixed-width values, booleans and INT96 timestamps.</summary>
internal static class PlainDecoder
{
    private const long JulianDayOfUnixEpoch = 2440588;
    private const long MicrosPerDay = 86_400_000_000;

    /// <summary>Fixed-width little-endian values are copied straight into the destination.</summary>
    public static void DecodeFixed<T>(ReadOnlySpan<byte> data, Span<T> destination)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        if (data.Length < bytes.Length)
            throw new ParquetFormatException($"PLAIN data of {data.Length} bytes is too short for {destination.Length} values");
        data[..bytes.Length].CopyTo(bytes);
    }

    /// <summary>Booleans are bit-packed, least-significant bit first.</summary>
    public static void DecodeBooleans(ReadOnlySpan<byte> data, Span<bool> destination)
    {
        if ((long)data.Length * 8 < destination.Length)
            throw new ParquetFormatException($"PLAIN data of {data.Length} bytes is too short for {destination.Length} booleans");
        for (var i = 0; i < destination.Length; i++)
            destination[i] = ((data[i >> 3] >> (i & 7)) & 1) != 0;
    }

    /// <summary>INT96 timestamps: nanoseconds of the day, then the Julian day, as UTC microseconds.</summary>
    public static void DecodeInt96Timestamps(ReadOnlySpan<byte> data, Span<long> destination)
    {
        if (data.Length / 12 < destination.Length)
            throw new ParquetFormatException($"PLAIN data of {data.Length} bytes is too short for {destination.Length} INT96 values");
        for (var i = 0; i < destination.Length; i++)
        {
            var value = data.Slice(i * 12, 12);
            var nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(value);
            var julianDay = BinaryPrimitives.ReadInt32LittleEndian(value[8..]);
            destination[i] = unchecked(((julianDay - JulianDayOfUnixEpoch) * MicrosPerDay) + (nanosOfDay / 1000));
        }
    }
}
