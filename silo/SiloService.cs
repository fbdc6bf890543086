using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantCluster.Data.Postgres;
using QuantCluster.Grains.Silos;
using QuantCluster.Grains.Store;
using QuantCluster.Grains.Store.Postgres;
using QuantCluster.Grains.Symbols;

namespace QuantCluster.Silo;

/// <summary>
/// The silo as a hosted service: at start it opens the cluster store (applying migrations) and the
/// bar store, waiting out a database that is not up yet, then joins; on SIGTERM or Ctrl+C the host
/// stops it, and it stops claiming, finishes the items in hand and leaves the membership.
/// </summary>
internal sealed class SiloService(string connectionString, SiloOptions options, ILogger<SiloService> logger) : IHostedService
{
    private PostgresClusterStore? _store;
    private PostgresBarStore? _bars;
    private SiloRuntime? _runtime;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(options.MaxBackoff, TimeProvider.System);
        while (true)
        {
            try
            {
                _store = await PostgresClusterStore.OpenAsync(connectionString, TimeProvider.System, cancellationToken: cancellationToken);
                _bars = await PostgresBarStore.OpenAsync(connectionString, cancellationToken);
                break;
            }
            catch (IOException e)
            {
                // ClusterStoreException and the bar store's failures are both IOExceptions: the server is not up yet.
                SiloHostLog.WaitingForDatabase(logger, e.Message);
                if (_store is not null)
                {
                    await ((IClusterStore)_store).DisposeAsync();
                    _store = null;
                }

                await backoff.WaitAsync(cancellationToken);
            }
        }

        _runtime = await SiloRuntime.StartAsync(_store, new SymbolCache(_bars, options.CacheBudgetBytes), options, TimeProvider.System, logger, cancellationToken);
        SiloHostLog.Started(logger, _runtime.SiloId, options.Workers);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }

        if (_bars is not null)
        {
            await _bars.DisposeAsync();
        }

        if (_store is not null)
        {
            await ((IClusterStore)_store).DisposeAsync();
        }
    }
}
