namespace QuantCluster.Cluster.Tests.Support;

/// <summary>A test of the results page in headless chromium on a real silo: skipped with the reason locally without PostgreSQL or the browser, run (and failed) on CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if ((TestServer.SkipReason ?? HeadlessChromium.SkipReason) is { } reason)
        {
            Skip = reason;
        }
    }
}
