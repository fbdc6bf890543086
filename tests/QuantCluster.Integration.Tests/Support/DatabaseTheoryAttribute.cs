namespace QuantCluster.Integration.Tests.Support;

/// <summary>A theory that needs the PostgreSQL test server; see <see cref="DatabaseFactAttribute"/>.</summary>
public sealed class DatabaseTheoryAttribute : TheoryAttribute
{
    public DatabaseTheoryAttribute()
    {
        if (TestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
