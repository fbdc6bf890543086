using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantCluster.Contracts;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Jobs;
using QuantCluster.Grains.Results;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Workers;

namespace QuantCluster.Grains.Hosting;

/// <summary>
/// The embedded local cluster: one Orleans silo inside this process on localhost clustering, with
/// memory storage (and no reminders: its jobs cannot outlive its one silo), the same grains and workers
/// as a real cluster, and an in-process client. Nothing to install; its jobs last as long as the process.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private LocalCluster(IHost host, JobClient client, SymbolCache symbols)
    {
        _host = host;
        Client = client;
        Symbols = symbols;
    }

    public JobClient Client { get; }

    /// <summary>The silo's bar cache, for single backtests on a job's bars (the HTTP API's equity curves).</summary>
    public SymbolCache Symbols { get; }

    /// <param name="workers">Evaluation workers, one per core usually.</param>
    /// <param name="warmUp">Bars the first job will run on: loaded while the silo starts, rather than after.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalCluster> StartAsync(int workers, (JobDataSource Data, BacktestSettings Settings)? warmUp = null, CancellationToken cancellationToken = default)
    {
        var results = new InMemoryResultStore();
        var setup = new ClusterSetup
        {
            SiloPort = FreePort.Next(),
            GatewayPort = 0,
            Workers = new WorkerOptions { Workers = workers },
            Jobs = new JobGrainOptions { Reminders = false },
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var symbols = new SymbolCache(barStore: null, setup.CacheBudgetBytes);
        builder.UseOrleans(silo => silo.AddQuantCluster(setup, results, symbols));
        var host = builder.Build();
        var loading = warmUp is var (data, settings) ? Task.Run(() => symbols.EvaluatorAsync(data, settings, cancellationToken), cancellationToken) : Task.CompletedTask;
        await host.StartAsync(cancellationToken);
        try
        {
            await loading;
        }
        catch (Exception e) when (e is BarSourceException)
        {
            // Not this start's failure: the job that needs these bars fails with the reason.
        }

        var client = new JobClient(host.Services.GetRequiredService<IGrainFactory>(), results, TimeProvider.System);
        return new LocalCluster(host, client, symbols);
    }

    public async ValueTask DisposeAsync()
    {
        // Its jobs end with the process, so there is nothing to hand over: the silo stops without the
        // graceful part of a shutdown (draining, deactivating every grain), which costs seconds.
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        await _host.StopAsync(now.Token);
        _host.Dispose();
    }
}
