namespace QuantCluster.Data.Parquet;

/// <summary>Decodes the values of one physical type, in the encodings that type allows.</summary>
internal abstract class ValueDecoder<T>(ParquetPhysicalType physicalType)
{
    /// <summary>Decodes a dictionary page, which is always PLAIN.</summary>
    public abstract T[] DecodeDictionary(ReadOnlySpan<byte> data, int count);

    /// <summary>Decodes exactly destination.Length values of a non-dictionary data page.</summary>
    public abstract void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<T> destination);

    protected ParquetFormatException Unsupported(ParquetEncoding encoding) =>
        new($"unsupported encoding {ThriftEnumNames.Of(encoding)} for {ThriftEnumNames.Of(physicalType)} values");

    protected static ParquetFormatException TooShort(ParquetEncoding encoding, int count, int length) =>
        new($"{ThriftEnumNames.Of(encoding)} data of {length} bytes is too short for {count} values");
}
