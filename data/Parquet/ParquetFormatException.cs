namespace QuantCluster.Data.Parquet;

/// <summary>
/// The one exception the Parquet reader and writer throw for a file they cannot handle: corrupt
/// bytes, a truncated file, or a feature this implementation does not support. The message names
/// the column, offset, encoding or codec involved.
/// </summary>
public sealed class ParquetFormatException : Exception
{
    public ParquetFormatException()
    {
    }

    public ParquetFormatException(string message)
        : base(message)
    {
    }

    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
