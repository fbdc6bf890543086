using Orleans.TestingHost;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Results;

namespace QuantCluster.Grains.Tests.Cluster;

/// <summary>
/// Orleans' TestingHost cluster of two in-process silos with our grains and one evaluation worker each,
/// shared by a test class. Work items are small (a few thousand bar-evaluations), so a small sweep has
/// dozens of items spread over both silos.
/// </summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    /// <summary>The results store every test silo writes to: results are kept by job id, so clusters and tests share it safely.</summary>
    internal static InMemoryResultStore Results { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public JobClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<QuantSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Client = new JobClient(Cluster.Client, Results, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
