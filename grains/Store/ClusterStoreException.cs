namespace QuantCluster.Grains.Store;

/// <summary>
/// The cluster store's database failed: unreachable, refused the login, or lost mid-way. The message
/// names the server and the operation. An <see cref="IOException"/>, as the bar store's failure is:
/// the caller backs off and retries, and declares nobody dead meanwhile.
/// </summary>
public sealed class ClusterStoreException : IOException
{
    public ClusterStoreException()
        : this("The cluster store's database failed.")
    {
    }

    public ClusterStoreException(string message)
        : base(message)
    {
    }

    public ClusterStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
