using System.IO.Compression;

namespace QuantCluster.Data.Parquet;

internal static class GzipCodec
{
    public static unsafe void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* pointer = source)
        {
            using var input = new UnmanagedMemoryStream(pointer, source.Length);
            // Some writers emit a zlib stream under the GZIP codec; zlib starts with 0x78.
            using Stream inflater = source.Length > 0 && source[0] == 0x78
                ? new ZLibStream(input, CompressionMode.Decompress)
                : new GZipStream(input, CompressionMode.Decompress);
            var filled = 0;
            while (filled < destination.Length)
            {
                var read = inflater.Read(destination[filled..]);
                if (read == 0)
                    throw new ParquetFormatException($"GZIP data ends after {filled} of {destination.Length} bytes");
                filled += read;
            }

            Span<byte> extra = stackalloc byte[1];
            if (inflater.Read(extra) != 0)
                throw new ParquetFormatException($"GZIP data holds more than the {destination.Length} bytes the page header says");
        }
    }

    public static byte[] Compress(ReadOnlySpan<byte> source)
    {
        using var output = new MemoryStream();
        using (var deflater = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            deflater.Write(source);
        return output.ToArray();
    }
}
