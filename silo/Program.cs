using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantCluster.Data.Postgres;
using QuantCluster.Grains.Silos;
using QuantCluster.Grains.Telemetry;

namespace QuantCluster.Silo;

internal static class Program
{
    private static int Main(string[] args)
    {
        var db = new Option<string?>("--db")
        {
            Description = $"PostgreSQL connection string, e.g. {ConnectionStrings.Example} (default: ${ConnectionStrings.Variable}). " +
                $"Give a password through PGPASSWORD, ~/.pgpass or {ConnectionStrings.Variable}, never here.",
        };
        var workers = new Option<int>("--workers") { Description = "Evaluation workers (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var heartbeat = new Option<double>("--heartbeat") { Description = "Seconds between heartbeats.", DefaultValueFactory = _ => 2 };
        var deadAfter = new Option<double>("--dead-after") { Description = "Seconds of silence after which a silo is declared dead and its work taken over.", DefaultValueFactory = _ => 10 };
        var cacheMb = new Option<long>("--cache-mb") { Description = "Memory for cached bars and indicators, in MiB.", DefaultValueFactory = _ => 4096 };
        var itemsPerPhase = new Option<int>("--items-per-phase")
        {
            Description = "Work items a job's owner queues at once; the best so far is recorded between phases.",
            DefaultValueFactory = _ => Grains.Jobs.BatchPlan.DefaultItemsPerPhase,
        };
        var itemSize = new Option<long>("--bar-evaluations-per-item")
        {
            Description = "Bars x parameter sets per work item (about 0.1 s of one core for sma_crossover).",
            DefaultValueFactory = _ => Grains.Jobs.BatchPlan.DefaultBarEvaluationsPerItem,
        };
        var root = new RootCommand(
            "quant-silo: a worker process of a QuantCluster cluster. It applies the database's migrations, joins the membership, " +
            "runs the jobs it owns and evaluates work items on every core until SIGTERM or Ctrl+C, then leaves cleanly. " +
            "Start as many as you like, on as many machines, against one PostgreSQL database.")
        {
            db, workers, heartbeat, deadAfter, cacheMb, itemsPerPhase, itemSize,
        };
        root.SetAction(parse =>
        {
            SiloOptions options;
            string connectionString;
            try
            {
                connectionString = ConnectionStrings.Require(parse.GetValue(db));
                options = new SiloOptions
                {
                    Workers = parse.GetValue(workers),
                    HeartbeatInterval = TimeSpan.FromSeconds(parse.GetValue(heartbeat)),
                    DeadSiloTimeout = TimeSpan.FromSeconds(parse.GetValue(deadAfter)),
                    CacheBudgetBytes = parse.GetValue(cacheMb) << 20,
                    ItemsPerPhase = parse.GetValue(itemsPerPhase),
                    BarEvaluationsPerItem = parse.GetValue(itemSize),
                };
                options.Validate();
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
            });
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
            builder.Services.AddHostedService(services =>
                new SiloService(connectionString, options, services.GetRequiredService<ILogger<SiloService>>()));
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
                builder.Build().Run();
            }

            return 0;
        });
        return root.Parse(args).Invoke();
    }
}
