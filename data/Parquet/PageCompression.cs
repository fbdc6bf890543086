namespace QuantCluster.Data.Parquet;

/// <summary>Routes page bytes to the codec a column chunk names.</summary>
internal static class PageCompression
{
    public static bool CanRead(ParquetCompression codec) => codec is ParquetCompression.Uncompressed
        or ParquetCompression.Snappy or ParquetCompression.Gzip or ParquetCompression.Zstd
        or ParquetCompression.Lz4 or ParquetCompression.Lz4Raw;

    /// <summary>
    /// Whether compressed bytes can expand to the size a page header declares, checked before a
    /// buffer of that size is allocated, so one corrupt size field cannot demand gigabytes.
    /// </summary>
    public static bool IsPlausible(ParquetCompression codec, ReadOnlySpan<byte> source, int uncompressedSize) => codec switch
    {
        ParquetCompression.Uncompressed => source.Length == uncompressedSize,
        ParquetCompression.Snappy => SnappyCodec.DeclaredLength(source) == (ulong)uncompressedSize,
        // Deflate expands at most about 1032 to 1; LZ4 about 255 to 1.
        ParquetCompression.Gzip => uncompressedSize <= ((long)source.Length * 1032) + 1024,
        ParquetCompression.Lz4 or ParquetCompression.Lz4Raw => uncompressedSize <= ((long)source.Length * 255) + 1024,
        ParquetCompression.Zstd => ZstdCodec.FrameContentSize(source) is not { } size || size == (ulong)uncompressedSize,
        _ => true,
    };

    /// <summary>Decompresses a whole page; any codec failure becomes a message naming the page.</summary>
    public static void Decompress(ParquetCompression codec, ReadOnlySpan<byte> source, Span<byte> destination, long pageOffset)
    {
        try
        {
            switch (codec)
            {
                case ParquetCompression.Uncompressed:
                    if (source.Length != destination.Length)
                        throw new ParquetFormatException($"uncompressed page has {source.Length} bytes, its header says {destination.Length}");
                    source.CopyTo(destination);
                    break;
                case ParquetCompression.Snappy:
                    SnappyCodec.Decompress(source, destination);
                    break;
                case ParquetCompression.Gzip:
                    GzipCodec.Decompress(source, destination);
                    break;
                case ParquetCompression.Zstd:
                    ZstdCodec.Decompress(source, destination);
                    break;
                case ParquetCompression.Lz4:
                    Lz4Codec.DecompressLegacy(source, destination);
                    break;
                case ParquetCompression.Lz4Raw:
                    Lz4Codec.DecompressRaw(source, destination);
                    break;
                default:
                    throw new ParquetFormatException($"unsupported codec {ThriftEnumNames.Of(codec)}");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ParquetFormatException(
                $"page at byte offset {pageOffset} fails to decompress with {ThriftEnumNames.Of(codec)}: {ex.Message}", ex);
        }
    }

    public static byte[] Compress(ParquetCompression codec, ReadOnlySpan<byte> source) => codec switch
    {
        ParquetCompression.Uncompressed => source.ToArray(),
        ParquetCompression.Snappy => SnappyCodec.Compress(source),
        ParquetCompression.Gzip => GzipCodec.Compress(source),
        ParquetCompression.Zstd => ZstdCodec.Compress(source),
        ParquetCompression.Lz4Raw => Lz4Codec.CompressRaw(source),
        _ => throw new ArgumentException($"the writer does not support codec {ThriftEnumNames.Of(codec)}", nameof(codec)),
    };
}
