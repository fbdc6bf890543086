using System.CommandLine;
using System.Text.Json.Nodes;
using QuantCluster.Client.Output;
using QuantCluster.Contracts;
using QuantCluster.Grains.Jobs;

namespace QuantCluster.Client.Commands.Jobs;

/// <summary>
/// Runs a job spec the way `quant sweep` and `quant walkforward` do: on the cluster of --db or
/// QUANT_DB (returning the job id, or following it with --watch), else on the embedded local
/// cluster, waiting for the end; then the report.
/// </summary>
internal static class JobSubmission
{
    public static async Task<int> RunAsync(ParseResult parse, SweepOptions options, JobSpec spec, FileInfo? output, CancellationToken cancellation)
    {
        var sweep = SweepDefinition.From(spec);
        string? connectionString = parse.GetValue(options.Local) ? null : options.Database.OptionalConnectionString(parse);
        await using var cluster = connectionString is null
            ? await ClusterConnection.StartLocalAsync(Math.Max(1, parse.GetValue(options.Workers)), spec)
            : await ClusterConnection.OpenAsync(connectionString);
        if (cluster.IsLocal && spec.Data.Path is null && spec.Data.GeneratedBars == 0)
        {
            throw new ArgumentException("the local cluster reads bars from files: give --data FILE, or --db to sweep the bar store on a cluster.");
        }

        var job = await cluster.Client.SubmitAsync(spec);
        bool asJson = parse.GetValue(options.Json);
        if (!cluster.IsLocal && !parse.GetValue(options.Watch))
        {
            if (asJson)
            {
                JsonOutput.Write(Console.Out, new JsonObject { ["job_id"] = job.JobId.ToString(), ["status"] = "pending", ["positions"] = sweep.Positions });
            }
            else
            {
                Console.WriteLine($"Submitted job {job.JobId}: {Describe(sweep)} of {sweep.Strategy.Name} on {spec.Data.Describe()}.");
                Console.WriteLine($"Follow it with: quant job watch {job.JobId}");
            }

            return 0;
        }

        return await FollowAsync(cluster, job.JobId, sweep, parse.GetValue(options.Top), asJson, output, cancellation);
    }

    /// <summary>Runs a spec on the embedded local cluster to its end, then the report (`quant demo`).</summary>
    public static async Task<int> RunLocalAsync(JobSpec spec, int workers, int top, bool asJson, CancellationToken cancellation)
    {
        var sweep = SweepDefinition.From(spec);
        await using var cluster = await ClusterConnection.StartLocalAsync(workers, spec);
        var job = await cluster.Client.SubmitAsync(spec);
        return await FollowAsync(cluster, job.JobId, sweep, top, asJson, null, cancellation);
    }

    private static async Task<int> FollowAsync(ClusterConnection cluster, Guid jobId, SweepDefinition sweep, int top, bool asJson, FileInfo? output, CancellationToken cancellation)
    {
        var final = await JobProgressView.FollowAsync(cluster.Client, jobId, sweep, cluster.WatchInterval, quiet: asJson, cancellation);
        return await JobReport.PrintAsync(cluster.Client, final, sweep, top, asJson, output, cancellation);
    }

    /// <summary>The search in a few words: "1,600 grid positions", "a genetic search of 40 x 60 generations".</summary>
    public static string Describe(SweepDefinition sweep)
    {
        string search = sweep.Spec.Optimizer switch
        {
            OptimizerKind.Random => $"{sweep.Spec.Samples:N0} random samples (seed {sweep.Spec.Seed})",
            OptimizerKind.Genetic => $"a genetic search, population {sweep.Genetic!.Settings.Population:N0}, up to {sweep.Genetic.Settings.Generations:N0} generations (seed {sweep.Spec.Seed})",
            _ => $"{sweep.Positions:N0} grid positions",
        };
        return sweep.Spec.WalkForward is null ? search : $"a walk-forward, each fold searched by {search}";
    }
}
