namespace QuantCluster.Data.Parquet;

/// <summary>One column's chunk in one row group, as the footer describes it.</summary>
public sealed record ParquetColumnChunkInfo(
    string ColumnName,
    ParquetCompression Codec,
    IReadOnlyList<ParquetEncoding> Encodings,
    long ValueCount,
    long CompressedSize,
    long UncompressedSize,
    ParquetColumnStatistics? Statistics);
