namespace QuantCluster.Cluster.Tests.Support;

/// <summary>A test that runs silos against PostgreSQL: skipped with instructions locally without a server, run (and failed) on CI.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (TestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
