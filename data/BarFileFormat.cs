namespace QuantCluster.Data;

/// <summary>The file formats bars are read from and written to.</summary>
public enum BarFileFormat
{
    Csv,
    Parquet,
}
