using Microsoft.Extensions.Logging;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Store.InMemory;
using QuantCluster.Grains.Symbols;

namespace QuantCluster.Grains.Silos;

/// <summary>
/// The embedded local cluster: one silo over the in-memory store inside this process, with one
/// worker per core, and a client to it. The same grains as a real cluster, with nothing to install;
/// the jobs last as long as the process.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly InMemoryClusterStore _store;

    private LocalCluster(InMemoryClusterStore store, SiloRuntime silo, ClusterClient client)
    {
        _store = store;
        Silo = silo;
        Client = client;
    }

    public SiloRuntime Silo { get; }

    public ClusterClient Client { get; }

    /// <summary>
    /// Starts the silo. Nothing crosses a network here, so it looks for work and at its jobs far more
    /// often than a silo over PostgreSQL: a phase boundary costs milliseconds, not a poll interval.
    /// </summary>
    public static async Task<LocalCluster> StartAsync(
        int workers, TimeProvider clock, ILogger? logger = null, SiloOptions? options = null, CancellationToken cancellationToken = default)
    {
        var store = new InMemoryClusterStore(clock);
        options ??= new SiloOptions { PollInterval = TimeSpan.FromMilliseconds(5) };
        var silo = await SiloRuntime.StartAsync(store, new SymbolCache(barStore: null, options.CacheBudgetBytes), options with { Workers = workers }, clock, logger, cancellationToken);
        return new LocalCluster(store, silo, new ClusterClient(store, clock));
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await _store.DisposeAsync();
    }
}
