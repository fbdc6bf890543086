using System.Text;

namespace QuantCluster.Data.Parquet;

/// <summary>BYTE_ARRAY values annotated as text, decoded from UTF-8.</summary>
internal sealed class StringValueDecoder : ByteArrayValueDecoder<string>
{
    protected override string Convert(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
