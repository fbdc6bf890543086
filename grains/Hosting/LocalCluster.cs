using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Results;
using QuantCluster.Grains.Workers;

namespace QuantCluster.Grains.Hosting;

/// <summary>
/// The embedded local cluster: one Orleans silo inside this process on localhost clustering, with
/// memory storage and reminders, the same grains and workers as a real cluster, and an in-process
/// client. Nothing to install; its jobs last as long as the process.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private LocalCluster(IHost host, JobClient client)
    {
        _host = host;
        Client = client;
    }

    public JobClient Client { get; }

    public static async Task<LocalCluster> StartAsync(int workers, CancellationToken cancellationToken = default)
    {
        var results = new InMemoryResultStore();
        var setup = new ClusterSetup
        {
            SiloPort = FreePort.Next(),
            GatewayPort = 0,
            Workers = new WorkerOptions { Workers = workers },
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.AddQuantCluster(setup, results, bars: null));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var client = new JobClient(host.Services.GetRequiredService<IGrainFactory>(), results, TimeProvider.System);
        return new LocalCluster(host, client);
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
