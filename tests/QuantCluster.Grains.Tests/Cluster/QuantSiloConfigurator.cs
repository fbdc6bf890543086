using Orleans.TestingHost;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Workers;

namespace QuantCluster.Grains.Tests.Cluster;

/// <summary>Our grains and workers on a TestingHost silo, which brings its own clustering.</summary>
public sealed class QuantSiloConfigurator : ISiloConfigurator
{
    public static ClusterSetup Setup { get; } = new()
    {
        Workers = new WorkerOptions { Workers = 1, IdleWait = TimeSpan.FromMilliseconds(500) },
        Jobs = new JobGrainOptions { BarEvaluationsPerItem = 50_000, CheckInterval = TimeSpan.FromMilliseconds(100) },
        CacheBudgetBytes = 256L << 20,
    };

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddQuantGrains(Setup, TwoSiloCluster.Results, new SymbolCache(barStore: null, Setup.CacheBudgetBytes));
}
