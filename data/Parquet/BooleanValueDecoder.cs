using System.Buffers;
using System.Buffers.Binary;

namespace QuantCluster.Data.Parquet;

/// <summary>BOOLEAN values: PLAIN (bit-packed) and RLE (a 4-byte length, then the hybrid with width 1).</summary>
internal sealed class BooleanValueDecoder() : ValueDecoder<bool>(ParquetPhysicalType.Boolean)
{
    public override bool[] DecodeDictionary(ReadOnlySpan<byte> data, int count)
    {
        if ((long)data.Length * 8 < count)
            throw TooShort(ParquetEncoding.Plain, count, data.Length);
        var values = new bool[count];
        PlainDecoder.DecodeBooleans(data, values);
        return values;
    }

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<bool> destination)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                PlainDecoder.DecodeBooleans(data, destination);
                break;
            case ParquetEncoding.Rle:
                DecodeRle(data, destination);
                break;
            default:
                throw Unsupported(encoding);
        }
    }

    private static void DecodeRle(ReadOnlySpan<byte> data, Span<bool> destination)
    {
        if (data.Length < 4)
            throw TooShort(ParquetEncoding.Rle, destination.Length, data.Length);
        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - 4)
            throw new ParquetFormatException($"RLE boolean length {length} is past the end of the {data.Length}-byte page");
        var bits = ArrayPool<int>.Shared.Rent(destination.Length);
        try
        {
            var span = bits.AsSpan(0, destination.Length);
            new RleBitPackedHybridDecoder(data.Slice(4, length), 1).Read(span);
            for (var i = 0; i < span.Length; i++)
                destination[i] = span[i] != 0;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bits);
        }
    }
}
