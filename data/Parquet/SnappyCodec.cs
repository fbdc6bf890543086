using IronSnappy;

namespace QuantCluster.Data.Parquet;

/// <summary>
/// Snappy blocks. Decoding is our own, straight into the page buffer: IronSnappy's decoder
/// returns a new array per page, and on a 1,000,000-row file those large allocations and the
/// copy after them cost more than the decoding. IronSnappy still compresses.
/// </summary>
internal static class SnappyCodec
{
    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // The block starts with its uncompressed length; checking it first avoids decoding a
        // page whose header and data disagree.
        var declared = DeclaredLength(source, out var headerLength);
        if (declared != (ulong)destination.Length)
            throw new ParquetFormatException($"Snappy block holds {declared} bytes, the page header says {destination.Length}");
        var written = SnappyBlockDecoder.Decode(source[headerLength..], destination);
        if (written != destination.Length)
            throw new ParquetFormatException($"Snappy block decoded to {written} bytes, the page header says {destination.Length}");
    }

    public static byte[] Compress(ReadOnlySpan<byte> source) => Snappy.Encode(source);

    /// <summary>The uncompressed length a Snappy block starts with, or null when the header is invalid.</summary>
    public static ulong? DeclaredLength(ReadOnlySpan<byte> source) => DeclaredLength(source, out _);

    private static ulong? DeclaredLength(ReadOnlySpan<byte> source, out int headerLength)
    {
        ulong result = 0;
        for (var i = 0; i < Math.Min(source.Length, 5); i++)
        {
            result |= (ulong)(source[i] & 0x7F) << (7 * i);
            if ((source[i] & 0x80) == 0)
            {
                headerLength = i + 1;
                return result;
            }
        }

        headerLength = 0;
        return null;
    }
}
