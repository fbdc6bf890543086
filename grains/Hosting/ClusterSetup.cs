using System.Net;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Workers;

namespace QuantCluster.Grains.Hosting;

/// <summary>
/// Everything a silo of ours is configured by. With a connection string: ADO.NET clustering, grain
/// storage and reminders on PostgreSQL, the cluster and service ids naming the cluster among others in the
/// same database. Without: the embedded local cluster, localhost clustering with memory storage and reminders.
/// </summary>
public sealed record ClusterSetup
{
    public const string DefaultClusterId = "quant";
    public const string DefaultServiceId = "quantcluster";

    public string? ConnectionString { get; init; }

    public string ClusterId { get; init; } = DefaultClusterId;

    public string ServiceId { get; init; } = DefaultServiceId;

    /// <summary>The address other silos and clients reach this one at; null takes the machine's own.</summary>
    public IPAddress? Address { get; init; }

    public int SiloPort { get; init; } = 11111;

    /// <summary>The port clients connect to; 0 serves no clients (the embedded cluster's client is in-process).</summary>
    public int GatewayPort { get; init; } = 30000;

    public MembershipTimings Membership { get; init; } = MembershipTimings.Production;

    public WorkerOptions Workers { get; init; } = new();

    public JobGrainOptions Jobs { get; init; } = new();

    /// <summary>Bars and indicators a silo caches.</summary>
    public long CacheBudgetBytes { get; init; } = SymbolCache.DefaultBudgetBytes;

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ClusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ServiceId);
        ArgumentOutOfRangeException.ThrowIfNegative(SiloPort);
        ArgumentOutOfRangeException.ThrowIfNegative(GatewayPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(CacheBudgetBytes, 1);
        Membership.Validate();
        Workers.Validate();
        Jobs.Validate();
    }
}
