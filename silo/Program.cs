using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using QuantCluster.Api;
using QuantCluster.Data.Postgres;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Results.Postgres;
using QuantCluster.Grains.Symbols;
using QuantCluster.Grains.Telemetry;
using QuantCluster.Grains.Workers;
using QuantCluster.Silo.Observability;

namespace QuantCluster.Silo;

internal static class Program
{
    private static int Main(string[] args)
    {
        var arguments = new SiloArguments();
        var root = new RootCommand(
            "quant-silo: a worker process of a QuantCluster cluster, an Orleans silo. It brings the database's schema up to date " +
            "(ours and Orleans'), joins the cluster through its membership table, hosts grains and evaluates work items on every " +
            "core until SIGTERM or Ctrl+C, then finishes the items in hand and leaves. Start as many as you like, on as many " +
            "machines, against one PostgreSQL database.");
        foreach (var option in arguments.All)
        {
            root.Options.Add(option);
        }

        root.SetAction(async (parse, cancellation) =>
        {
            ClusterSetup setup;
            try
            {
                setup = arguments.Read(parse);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            TelemetryExport? telemetry;
            try
            {
                telemetry = TelemetryExport.Start("quant-silo");
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            using (telemetry)
            {
                try
                {
                    return await RunAsync(setup, parse.GetValue(arguments.DashboardPort), parse.GetValue(arguments.HttpPort), cancellation);
                }
                catch (IOException e)
                {
                    // The database went away between bringing it up to date and opening the stores.
                    Console.Error.WriteLine($"error: {e.Message}");
                    return 1;
                }
            }
        });
        return root.Parse(args).Invoke();
    }

    private static async Task<int> RunAsync(ClusterSetup setup, int dashboardPort, int httpPort, CancellationToken cancellation)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        string listen = setup.Address?.ToString() ?? "0.0.0.0";
        string[] urls = [.. new[] { dashboardPort, httpPort }.Where(port => port > 0).Select(port => $"http://{listen}:{port}")];
        builder.WebHost.UseUrls(urls.Length > 0 ? urls : ["http://127.0.0.1:0"]);
        using var startup = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        var logger = startup.CreateLogger("quant-silo");

        string connectionString = setup.ConnectionString!;
        await MigrateAsync(connectionString, logger, cancellation);
        await using var results = await PostgresResultStore.OpenAsync(connectionString, cancellation);
        await using var bars = await PostgresBarStore.OpenAsync(connectionString, cancellation);
        builder.AddObservability(connectionString);
        builder.UseOrleans(silo =>
        {
            silo.AddQuantCluster(setup, results, new SymbolCache(bars, setup.CacheBudgetBytes));
            if (dashboardPort > 0)
            {
                silo.AddDashboard();
            }

            if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null)
            {
                silo.UseKubernetesHosting();
            }
        });
        builder.Services.AddQuantApi(Api.Access.ApiAccess.WithTokens(Grains.Tokens.PostgresTokenStore.Open(connectionString)));
        var app = builder.Build();
        app.MapObservability(httpPort);
        app.MapQuantApi(httpPort);
        if (dashboardPort > 0)
        {
            // The dashboard takes the root of its own port; the HTTP port's paths are the silo's own.
            app.MapOrleansDashboard().RequireHost($"*:{dashboardPort}");
            SiloHostLog.Dashboard(logger, listen, dashboardPort);
        }

        await app.RunAsync(cancellation);
        return 0;
    }

    /// <summary>Brings the schema up to date, waiting for a database that is not up yet (silos and the database often start together).</summary>
    private static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellation)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(5), TimeProvider.System);
        while (true)
        {
            try
            {
                var applied = await ClusterSchema.ApplyAsync(connectionString, cancellation);
                SiloHostLog.Migrated(logger, applied.Count);
                return;
            }
            catch (ClusterSchemaException e)
            {
                SiloHostLog.WaitingForDatabase(logger, e.Message);
                await backoff.WaitAsync(cancellation);
            }
        }
    }
}
