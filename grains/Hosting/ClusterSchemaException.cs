namespace QuantCluster.Grains.Hosting;

/// <summary>
/// The cluster's schema could not be brought up to date: the database was unreachable, refused the
/// login, or a migration failed (and all of them rolled back). The message names the server and what
/// failed, never a password. An <see cref="IOException"/>, as the stores' failures are.
/// </summary>
public sealed class ClusterSchemaException : IOException
{
    public ClusterSchemaException()
        : this("The cluster's schema could not be brought up to date.")
    {
    }

    public ClusterSchemaException(string message)
        : base(message)
    {
    }

    public ClusterSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
