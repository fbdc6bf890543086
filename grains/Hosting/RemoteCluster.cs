using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Results.Postgres;

namespace QuantCluster.Grains.Hosting;

/// <summary>
/// A client of a cluster of silos: an Orleans client that finds the gateways in the membership table
/// (ADO.NET clustering on the cluster's PostgreSQL database), and the results store of the same database.
/// </summary>
public sealed class RemoteCluster : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly PostgresResultStore _results;

    private RemoteCluster(IHost host, PostgresResultStore results, JobClient client)
    {
        _host = host;
        _results = results;
        Client = client;
    }

    public JobClient Client { get; }

    /// <exception cref="Results.ResultStoreException">The database cannot be reached.</exception>
    /// <exception cref="ClusterUnreachableException">No silo of the cluster answers.</exception>
    public static async Task<RemoteCluster> ConnectAsync(
        string connectionString, string clusterId = ClusterSetup.DefaultClusterId, string serviceId = ClusterSetup.DefaultServiceId,
        CancellationToken cancellationToken = default)
    {
        var results = await PostgresResultStore.OpenAsync(connectionString, cancellationToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = serviceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = QuantClusterSilo.Invariant;
                o.ConnectionString = connectionString;
            });
            client.AddActivityPropagation();
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException or System.Data.Common.DbException)
        {
            host.Dispose();
            await results.DisposeAsync();
            // A database no silo ever started on has no membership table: the same story for the user.
            string why = e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable } ? "no silo has ever joined it" : e.Message;
            throw new ClusterUnreachableException(
                $"No silo of cluster '{clusterId}' answers ({why}); start one with quant-silo on the same database.", e);
        }

        var grains = host.Services.GetRequiredService<IClusterClient>();
        return new RemoteCluster(host, results, new JobClient(grains, results, TimeProvider.System));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _results.DisposeAsync();
    }
}
