namespace QuantCluster.Grains.Hosting;

/// <summary>No silo of the cluster could be reached: none runs, or the gateways in the membership table are gone.</summary>
public sealed class ClusterUnreachableException : IOException
{
    public ClusterUnreachableException()
        : this("No silo of the cluster could be reached.")
    {
    }

    public ClusterUnreachableException(string message)
        : base(message)
    {
    }

    public ClusterUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
