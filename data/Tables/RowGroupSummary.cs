namespace QuantCluster.Data.Tables;

/// <summary>A row group: its rows and its column chunks' bytes on disk and decompressed (for CSV, the file's size both times).</summary>
public sealed record RowGroupSummary(int Index, long Rows, long CompressedBytes, long UncompressedBytes);
