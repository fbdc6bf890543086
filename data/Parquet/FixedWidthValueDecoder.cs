using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QuantCluster.Data.Parquet;

/// <summary>INT32, INT64, FLOAT and DOUBLE values: PLAIN, BYTE_STREAM_SPLIT and, for integers, DELTA_BINARY_PACKED.</summary>
internal sealed class FixedWidthValueDecoder<T>(ParquetPhysicalType physicalType) : ValueDecoder<T>(physicalType)
    where T : unmanaged
{
    public override T[] DecodeDictionary(ReadOnlySpan<byte> data, int count)
    {
        if ((long)count * Unsafe.SizeOf<T>() > data.Length)
            throw TooShort(ParquetEncoding.Plain, count, data.Length);
        var values = new T[count];
        PlainDecoder.DecodeFixed(data, values.AsSpan());
        return values;
    }

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<T> destination)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                PlainDecoder.DecodeFixed(data, destination);
                break;
            case ParquetEncoding.ByteStreamSplit:
                ByteStreamSplitDecoder.Decode(data, MemoryMarshal.AsBytes(destination), Unsafe.SizeOf<T>(), destination.Length);
                break;
            case ParquetEncoding.DeltaBinaryPacked when typeof(T) == typeof(int):
                new DeltaBinaryPackedDecoder(data).Decode(MemoryMarshal.Cast<T, int>(destination));
                break;
            case ParquetEncoding.DeltaBinaryPacked when typeof(T) == typeof(long):
                new DeltaBinaryPackedDecoder(data).Decode(MemoryMarshal.Cast<T, long>(destination));
                break;
            default:
                throw Unsupported(encoding);
        }
    }
}
