namespace QuantCluster.Data.Parquet;

/// <summary>
/// A column chunk's statistics, decoded to the column's value type (timestamps in UTC
/// microseconds). Min and Max are null when the file has none the reader can trust.
/// </summary>
public sealed record ParquetColumnStatistics(object? Min, object? Max, long? NullCount, long? DistinctCount);
