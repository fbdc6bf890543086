namespace QuantCluster.Data.Postgres;

/// <summary>
/// The bar store's database failed: unreachable, refused the login, or lost mid-way. The message
/// names the server and the operation and says whether anything was stored. It is an
/// <see cref="IOException"/> because, to a caller, a database that cannot be reached is the same
/// kind of failure as a file that cannot be read: report it, fix the cause, try again.
/// </summary>
public sealed class BarStoreException : IOException
{
    public BarStoreException()
        : this("The bar store's database failed.")
    {
    }

    public BarStoreException(string message)
        : base(message)
    {
    }

    public BarStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
