namespace QuantCluster.Grains.Symbols;

/// <summary>A job's bars cannot be had (no such file or series, bad data, too few bars): the job fails, as no retry can help.</summary>
public sealed class BarSourceException : Exception
{
    public BarSourceException()
    {
    }

    public BarSourceException(string message)
        : base(message)
    {
    }

    public BarSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
