using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace QuantCluster.Data.Parquet;

/// <summary>LZ4 through the system's liblz4.so.1 (Debian package liblz4-1).</summary>
internal static unsafe partial class Lz4Codec
{
    private const string Library = "liblz4.so.1";

    /// <summary>LZ4_RAW: one bare LZ4 block.</summary>
    public static void DecompressRaw(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = DecompressBlock(source, destination);
        if (written != destination.Length)
            throw new ParquetFormatException($"LZ4 block decoded to {written} bytes, the page header says {destination.Length}");
    }

    /// <summary>
    /// The deprecated LZ4 codec: parquet-java wrote Hadoop framing, older parquet-cpp a bare
    /// block, and nothing in the file says which, so try the framing first, then the block.
    /// </summary>
    public static void DecompressLegacy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!TryDecompressHadoop(source, destination))
            DecompressRaw(source, destination);
    }

    public static byte[] CompressRaw(ReadOnlySpan<byte> source)
    {
        var buffer = new byte[CompressBound(source.Length)];
        int written;
        fixed (byte* src = source)
        fixed (byte* dst = buffer)
            written = CompressDefault(src, dst, source.Length, buffer.Length);
        if (written <= 0)
            throw new ParquetFormatException("LZ4 compression failed");
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>Hadoop frames: big-endian uncompressed and compressed sizes, then the block.</summary>
    private static bool TryDecompressHadoop(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var input = 0;
        var output = 0;
        while (source.Length - input >= 8)
        {
            var uncompressed = BinaryPrimitives.ReadUInt32BigEndian(source[input..]);
            var compressed = BinaryPrimitives.ReadUInt32BigEndian(source[(input + 4)..]);
            input += 8;
            if (compressed > (uint)(source.Length - input) || uncompressed > (uint)(destination.Length - output))
                return false;
            var written = DecompressBlock(source.Slice(input, (int)compressed), destination.Slice(output, (int)uncompressed));
            if (written != uncompressed)
                return false;
            input += (int)compressed;
            output += written;
        }

        return input == source.Length && output == destination.Length;
    }

    private static int DecompressBlock(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* src = source)
        fixed (byte* dst = destination)
            return DecompressSafe(src, dst, source.Length, destination.Length);
    }

    [LibraryImport(Library, EntryPoint = "LZ4_decompress_safe")]
    private static partial int DecompressSafe(byte* src, byte* dst, int compressedSize, int dstCapacity);

    [LibraryImport(Library, EntryPoint = "LZ4_compress_default")]
    private static partial int CompressDefault(byte* src, byte* dst, int srcSize, int dstCapacity);

    [LibraryImport(Library, EntryPoint = "LZ4_compressBound")]
    private static partial int CompressBound(int inputSize);
}
