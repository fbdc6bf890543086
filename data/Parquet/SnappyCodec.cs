using IronSnappy;

namespace QuantCluster.Data.Parquet;

internal static class SnappyCodec
{
    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // The block starts with its uncompressed length; checking it first avoids decoding a
        // page whose header and data disagree.
        var declared = DeclaredLength(source);
        if (declared != (ulong)destination.Length)
            throw new ParquetFormatException($"Snappy block holds {declared} bytes, the page header says {destination.Length}");
        var decoded = Snappy.Decode(source);
        if (decoded.Length != destination.Length)
            throw new ParquetFormatException($"Snappy block decoded to {decoded.Length} bytes, the page header says {destination.Length}");
        decoded.CopyTo(destination);
    }

    public static byte[] Compress(ReadOnlySpan<byte> source) => Snappy.Encode(source);

    /// <summary>The uncompressed length a Snappy block starts with, or null when the header is invalid.</summary>
    public static ulong? DeclaredLength(ReadOnlySpan<byte> source)
    {
        ulong result = 0;
        for (var i = 0; i < Math.Min(source.Length, 5); i++)
        {
            result |= (ulong)(source[i] & 0x7F) << (7 * i);
            if ((source[i] & 0x80) == 0)
                return result;
        }

        return null;
    }
}
