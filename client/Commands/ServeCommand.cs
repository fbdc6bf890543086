using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuantCluster.Api;
using QuantCluster.Api.Access;
using QuantCluster.Contracts;
using QuantCluster.Grains.Hosting;

namespace QuantCluster.Client.Commands;

/// <summary>
/// `quant serve`: the embedded local cluster with the HTTP API and the results page on loopback, without
/// tokens (only this machine can reach it); with --data, the demo sweep over the file runs first so there is a job to look at.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The loopback port to serve on (0: any free one).", DefaultValueFactory = _ => 8090 };
        var data = new Option<FileInfo?>("--data") { Description = "Run the demo sweep (sma_crossover, as quant demo) over these bars (CSV or Parquet) at once." };
        var workers = new Option<int>("--workers") { Description = "Workers of the local cluster (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command(
            "serve",
            "Serve the results page and the HTTP API of an embedded local cluster on 127.0.0.1, without tokens, until Ctrl+C; its jobs end with it.")
        {
            port, data, workers,
        };
        command.SetAction((parse, cancellation) => CommandErrors.RunAsync(async () =>
        {
            int chosen = parse.GetValue(port) is var p and > 0 ? p : FreePort.Next();
            if (chosen > 65535)
            {
                throw new ArgumentException($"--port {chosen} is not a port; give 1 to 65535, or 0 for any free one.");
            }

            var file = parse.GetValue(data);
            if (file is { Exists: false })
            {
                throw new FileNotFoundException($"There is no file {file.FullName}.", file.FullName);
            }

            var demo = file is null ? null : DemoCommand.Spec(new JobDataSource("", "") { Path = file.FullName });
            await using var cluster = await LocalCluster.StartAsync(Math.Max(1, parse.GetValue(workers)), demo is null ? null : (demo.Data, demo.Settings), cancellation);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls($"http://127.0.0.1:{chosen}");
            builder.Services.AddSingleton(cluster.Client);
            builder.Services.AddSingleton(cluster.Symbols);
            builder.Services.AddQuantApi(ApiAccess.Open());
            await using var app = builder.Build();
            app.MapQuantApi(chosen);
            try
            {
                await app.StartAsync(cancellation);
            }
            catch (IOException e)
            {
                throw new IOException($"cannot serve on 127.0.0.1:{chosen}: {e.Message}", e);
            }

            Console.WriteLine($"Serving the results page on http://127.0.0.1:{chosen}/ and the API on http://127.0.0.1:{chosen}/api/ (reference: /scalar).");
            Console.WriteLine("This is the embedded local cluster: no tokens are needed, so it listens on this machine's loopback only; its jobs end when it stops (Ctrl+C).");
            if (!Api.Page.PageFiles.BesideProgram.HasChartLibrary)
            {
                Console.Error.WriteLine($"warning: {Api.Page.PageFiles.MissingChartLibrary}");
            }

            if (demo is not null)
            {
                var job = await cluster.Client.SubmitAsync(demo);
                Console.WriteLine($"Submitted the demo sweep over {file!.FullName}: http://127.0.0.1:{chosen}/#/jobs/{job.JobId}");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving.
            }

            await app.StopAsync(CancellationToken.None);
            return 0;
        }));
        return command;
    }
}
