using Npgsql;

namespace QuantCluster.Silo.Health;

/// <summary>
/// The connections <see cref="DatabaseHealthCheck"/> uses: a pool of its own with short timeouts, so that a
/// probe answers "unreachable" well within a Kubernetes probe's timeout instead of hanging, and never waits
/// behind the results store's connections.
/// </summary>
internal sealed class DatabaseProbe(string connectionString) : IDisposable
{
    private const int TimeoutSeconds = 3;

    public NpgsqlDataSource Source { get; } = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        Timeout = TimeoutSeconds,
        CommandTimeout = TimeoutSeconds,
        MaxPoolSize = 2,
    });

    public void Dispose() => Source.Dispose();
}
