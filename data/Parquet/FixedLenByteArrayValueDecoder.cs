namespace QuantCluster.Data.Parquet;

/// <summary>FIXED_LEN_BYTE_ARRAY values, kept as bytes: PLAIN and BYTE_STREAM_SPLIT.</summary>
internal sealed class FixedLenByteArrayValueDecoder(int width) : ValueDecoder<byte[]>(ParquetPhysicalType.FixedLenByteArray)
{
    public override byte[][] DecodeDictionary(ReadOnlySpan<byte> data, int count)
    {
        if ((long)count * Math.Max(width, 1) > data.Length)
            throw TooShort(ParquetEncoding.Plain, count, data.Length);
        var values = new byte[count][];
        DecodePlain(data, values);
        return values;
    }

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<byte[]> destination)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(data, destination);
                break;
            case ParquetEncoding.ByteStreamSplit:
                var bytes = new byte[destination.Length * width];
                ByteStreamSplitDecoder.Decode(data, bytes, width, destination.Length);
                for (var i = 0; i < destination.Length; i++)
                    destination[i] = bytes.AsSpan(i * width, width).ToArray();
                break;
            default:
                throw Unsupported(encoding);
        }
    }

    private void DecodePlain(ReadOnlySpan<byte> data, Span<byte[]> destination)
    {
        if ((long)destination.Length * width > data.Length)
            throw TooShort(ParquetEncoding.Plain, destination.Length, data.Length);
        for (var i = 0; i < destination.Length; i++)
            destination[i] = data.Slice(i * width, width).ToArray();
    }
}
