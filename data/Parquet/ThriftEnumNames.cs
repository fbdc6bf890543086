namespace QuantCluster.Data.Parquet;

/// <summary>The format specification's names for enum values, so messages match the spec and other tools.</summary>
internal static class ThriftEnumNames
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
}
