using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace QuantCluster.Silo.Health;

/// <summary>Ready once Orleans' membership holds this silo as active: joined, and not yet shutting down.</summary>
internal sealed class MembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public const string Name = "cluster";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("active in the cluster")
            : HealthCheckResult.Unhealthy($"this silo is {status.ToString().ToLowerInvariant()} in the cluster's membership, not active"));
    }
}
