namespace QuantCluster.Client.Output;

/// <summary>The file formats results are written in.</summary>
internal enum ResultsFormat
{
    Table,
    Csv,
    Parquet,
    Json,
}
