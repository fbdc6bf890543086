namespace QuantCluster.Data.Parquet;

/// <summary>Legacy INT96 timestamps (Impala, Spark), decoded to UTC microseconds. PLAIN only, as written.</summary>
internal sealed class Int96TimestampDecoder() : ValueDecoder<long>(ParquetPhysicalType.Int96)
{
    public override long[] DecodeDictionary(ReadOnlySpan<byte> data, int count)
    {
        if ((long)count * 12 > data.Length)
            throw TooShort(ParquetEncoding.Plain, count, data.Length);
        var values = new long[count];
        PlainDecoder.DecodeInt96Timestamps(data, values);
        return values;
    }

    public override void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<long> destination)
    {
        if (encoding != ParquetEncoding.Plain)
            throw Unsupported(encoding);
        PlainDecoder.DecodeInt96Timestamps(data, destination);
    }
}
