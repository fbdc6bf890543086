namespace QuantCluster.Data.Parquet;

/// <summary>BYTE_ARRAY values without a text annotation, kept as bytes.</summary>
internal sealed class BinaryValueDecoder : ByteArrayValueDecoder<byte[]>
{
    protected override byte[] Convert(ReadOnlySpan<byte> bytes) => bytes.ToArray();
}
