namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// A <see cref="ClusterFactAttribute"/> that also runs Debian's Prometheus: skipped with instructions locally
/// where either PostgreSQL or Prometheus is missing, run (and failed) on CI.
/// </summary>
public sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute()
    {
        bool ci = Environment.GetEnvironmentVariable("CI") is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
        if (TestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (!ci && !OnPath(PrometheusServer.Program))
        {
            Skip = "prometheus is not installed: run ./test.sh (it installs it), or apt-get install -y prometheus";
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, program)));
}
