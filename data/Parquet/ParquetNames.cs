using ParquetSharp;

namespace QuantCluster.Data.Parquet;

/// <summary>The format specification's names for enum values, so messages and `quant data inspect` match the spec and other tools.</summary>
internal static class ParquetNames
{
    public static string Of(ParquetEncoding encoding) => encoding switch
    {
        ParquetEncoding.Plain => "PLAIN",
        ParquetEncoding.PlainDictionary => "PLAIN_DICTIONARY",
        ParquetEncoding.Rle => "RLE",
        ParquetEncoding.BitPacked => "BIT_PACKED",
        ParquetEncoding.DeltaBinaryPacked => "DELTA_BINARY_PACKED",
        ParquetEncoding.DeltaLengthByteArray => "DELTA_LENGTH_BYTE_ARRAY",
        ParquetEncoding.DeltaByteArray => "DELTA_BYTE_ARRAY",
        ParquetEncoding.RleDictionary => "RLE_DICTIONARY",
        ParquetEncoding.ByteStreamSplit => "BYTE_STREAM_SPLIT",
        _ => $"encoding code {(int)encoding}",
    };

    public static string Of(ParquetCompression codec) => codec switch
    {
        ParquetCompression.Uncompressed => "UNCOMPRESSED",
        ParquetCompression.Snappy => "SNAPPY",
        ParquetCompression.Gzip => "GZIP",
        ParquetCompression.Lzo => "LZO",
        ParquetCompression.Brotli => "BROTLI",
        ParquetCompression.Lz4 => "LZ4",
        ParquetCompression.Zstd => "ZSTD",
        ParquetCompression.Lz4Raw => "LZ4_RAW",
        _ => $"codec code {(int)codec}",
    };

    public static string Of(ParquetPhysicalType type) => type switch
    {
        ParquetPhysicalType.Boolean => "BOOLEAN",
        ParquetPhysicalType.Int32 => "INT32",
        ParquetPhysicalType.Int64 => "INT64",
        ParquetPhysicalType.Int96 => "INT96",
        ParquetPhysicalType.Float => "FLOAT",
        ParquetPhysicalType.Double => "DOUBLE",
        ParquetPhysicalType.ByteArray => "BYTE_ARRAY",
        ParquetPhysicalType.FixedLenByteArray => "FIXED_LEN_BYTE_ARRAY",
        _ => $"physical type code {(int)type}",
    };

    // Arrow names the deprecated, Hadoop-framed LZ4 codec LZ4_HADOOP and the format's LZ4_RAW plain LZ4.
    public static ParquetCompression CompressionOf(Compression codec) => codec switch
    {
        Compression.Uncompressed => ParquetCompression.Uncompressed,
        Compression.Snappy => ParquetCompression.Snappy,
        Compression.Gzip => ParquetCompression.Gzip,
        Compression.Lzo => ParquetCompression.Lzo,
        Compression.Brotli => ParquetCompression.Brotli,
        Compression.Lz4Hadoop => ParquetCompression.Lz4,
        Compression.Zstd => ParquetCompression.Zstd,
        Compression.Lz4 or Compression.Lz4Frame => ParquetCompression.Lz4Raw,
        _ => throw new ParquetFormatException($"unknown codec {codec}"),
    };

    public static Compression CodecOf(ParquetCompression codec) => codec switch
    {
        ParquetCompression.Uncompressed => Compression.Uncompressed,
        ParquetCompression.Snappy => Compression.Snappy,
        ParquetCompression.Gzip => Compression.Gzip,
        ParquetCompression.Zstd => Compression.Zstd,
        ParquetCompression.Lz4Raw => Compression.Lz4,
        _ => throw new ArgumentException($"the writer does not support codec {Of(codec)}", nameof(codec)),
    };

    public static ParquetEncoding EncodingOf(Encoding encoding) => encoding switch
    {
        Encoding.Plain => ParquetEncoding.Plain,
        Encoding.PlainDictionary => ParquetEncoding.PlainDictionary,
        Encoding.Rle => ParquetEncoding.Rle,
        Encoding.BitPacked => ParquetEncoding.BitPacked,
        Encoding.DeltaBinaryPacked => ParquetEncoding.DeltaBinaryPacked,
        Encoding.DeltaLengthByteArray => ParquetEncoding.DeltaLengthByteArray,
        Encoding.DeltaByteArray => ParquetEncoding.DeltaByteArray,
        Encoding.RleDictionary => ParquetEncoding.RleDictionary,
        Encoding.ByteStreamSplit => ParquetEncoding.ByteStreamSplit,
        _ => ParquetEncoding.Unknown,
    };
}
