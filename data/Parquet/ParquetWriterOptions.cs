namespace QuantCluster.Data.Parquet;

public sealed record ParquetWriterOptions
{
    /// <summary>UNCOMPRESSED, SNAPPY, GZIP, ZSTD (the default) or LZ4_RAW.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Zstd;

    /// <summary>Rows per row group; readers skip whole row groups by their statistics.</summary>
    public int RowGroupSize { get; init; } = 1 << 20;

    /// <summary>PLAIN or BYTE_STREAM_SPLIT (which usually compresses prices better).</summary>
    public ParquetEncoding DoubleEncoding { get; init; } = ParquetEncoding.Plain;

    public string CreatedBy { get; init; } = "QuantCluster version 1.0.0";
}
