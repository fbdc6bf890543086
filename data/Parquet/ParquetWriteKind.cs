namespace QuantCluster.Data.Parquet;

internal enum ParquetWriteKind
{
    TimestampMicros,
    Double,
    Int64,
    String,
}
