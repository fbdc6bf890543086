using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace QuantCluster.Silo.Health;

/// <summary>
/// Ready while the database answers a query within a few seconds: the silo stores results, grain state and
/// membership there, so without it it can evaluate nothing to completion.
/// </summary>
internal sealed class DatabaseHealthCheck(DatabaseProbe probe) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = probe.Source.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"unreachable: {e.Message}");
        }
    }
}
