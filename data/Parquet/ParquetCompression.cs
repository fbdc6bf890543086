namespace QuantCluster.Data.Parquet;

/// <summary>Compression codecs; the values are the Thrift enum codes.</summary>
public enum ParquetCompression
{
    Uncompressed = 0,
    Snappy = 1,
    Gzip = 2,
    Lzo = 3,
    Brotli = 4,
    // The deprecated LZ4 codec: Hadoop framing or a bare block, depending on the writer.
    Lz4 = 5,
    Zstd = 6,
    Lz4Raw = 7,
}
