namespace QuantCluster.Integration.Tests.Support;

/// <summary>A test that needs the PostgreSQL test server: skipped with instructions locally without one, run (and failed) on CI.</summary>
public sealed class DatabaseFactAttribute : FactAttribute
{
    public DatabaseFactAttribute()
    {
        if (TestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
