namespace QuantCluster.Data.Parquet;

public enum ParquetTimeUnit
{
    Millis,
    Micros,
    Nanos,
}
