namespace QuantCluster.Grains.Results;

/// <summary>
/// The results store's database failed: unreachable, refused the login, or lost mid-way. The message
/// names the server and the operation (never a password). An <see cref="IOException"/>, as the bar
/// store's failures are: a worker backs off and retries with the item in hand.
/// </summary>
public sealed class ResultStoreException : IOException
{
    public ResultStoreException()
        : this("The results store's database failed.")
    {
    }

    public ResultStoreException(string message)
        : base(message)
    {
    }

    public ResultStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
