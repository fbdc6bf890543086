using System.Runtime.InteropServices;

namespace QuantCluster.Data.Parquet;

/// <summary>Zstandard through the system's libzstd.so.1 (Debian package libzstd1).</summary>
internal static unsafe partial class ZstdCodec
{
    private const string Library = "libzstd.so.1";
    private const int DefaultLevel = 3;

    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        nuint written;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
            written = NativeDecompress(dst, (nuint)destination.Length, src, (nuint)source.Length);
        if (IsError(written) != 0)
            throw new ParquetFormatException($"ZSTD error: {ErrorName(written)}");
        if (written != (nuint)destination.Length)
            throw new ParquetFormatException($"ZSTD data decoded to {written} bytes, the page header says {destination.Length}");
    }

    public static byte[] Compress(ReadOnlySpan<byte> source)
    {
        var buffer = new byte[(int)CompressBound((nuint)source.Length)];
        nuint written;
        fixed (byte* src = source)
        fixed (byte* dst = buffer)
            written = NativeCompress(dst, (nuint)buffer.Length, src, (nuint)source.Length, DefaultLevel);
        if (IsError(written) != 0)
            throw new ParquetFormatException($"ZSTD error: {ErrorName(written)}");
        return buffer.AsSpan(0, (int)written).ToArray();
    }

    /// <summary>The size a frame header records, or null when the frame does not say or is not a frame.</summary>
    public static ulong? FrameContentSize(ReadOnlySpan<byte> source)
    {
        ulong size;
        fixed (byte* src = source)
            size = GetFrameContentSize(src, (nuint)source.Length);
        // ZSTD_CONTENTSIZE_UNKNOWN is 2^64-1 and ZSTD_CONTENTSIZE_ERROR 2^64-2.
        return size >= ulong.MaxValue - 1 ? null : size;
    }

    private static string ErrorName(nuint code) => Marshal.PtrToStringUTF8(GetErrorName(code)) ?? "unknown";

    [LibraryImport(Library, EntryPoint = "ZSTD_decompress")]
    private static partial nuint NativeDecompress(byte* dst, nuint dstCapacity, byte* src, nuint srcSize);

    [LibraryImport(Library, EntryPoint = "ZSTD_compress")]
    private static partial nuint NativeCompress(byte* dst, nuint dstCapacity, byte* src, nuint srcSize, int level);

    [LibraryImport(Library, EntryPoint = "ZSTD_compressBound")]
    private static partial nuint CompressBound(nuint srcSize);

    [LibraryImport(Library, EntryPoint = "ZSTD_getFrameContentSize")]
    private static partial ulong GetFrameContentSize(byte* src, nuint srcSize);

    [LibraryImport(Library, EntryPoint = "ZSTD_isError")]
    private static partial uint IsError(nuint code);

    [LibraryImport(Library, EntryPoint = "ZSTD_getErrorName")]
    private static partial nint GetErrorName(nuint code);
}
