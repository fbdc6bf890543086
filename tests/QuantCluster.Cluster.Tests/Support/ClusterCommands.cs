using System.Text.Json.Nodes;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// The `quant` commands a user runs against a cluster (--db), each a real quant.dll process whose
/// failure fails the test with everything it printed.
/// </summary>
internal sealed class ClusterCommands(string connectionString)
{
    /// <summary>`quant sweep ... --db --json`: submits and returns the job's id without waiting.</summary>
    public async Task<Guid> SubmitAsync(params string[] sweepArguments)
    {
        var run = await RunAsync(["sweep", .. sweepArguments, "--db", connectionString, "--json"]);
        return Guid.Parse(run.Json["job_id"]!.GetValue<string>());
    }

    /// <summary>`quant walkforward ... --db --json`: submits and returns the job's id without waiting.</summary>
    public async Task<Guid> SubmitWalkForwardAsync(params string[] arguments)
    {
        var run = await RunAsync(["walkforward", .. arguments, "--db", connectionString, "--json"]);
        return Guid.Parse(run.Json["job_id"]!.GetValue<string>());
    }

    /// <summary>`quant sweep ... --db --watch --json`: submits, follows the job to its end and prints its report.</summary>
    public async Task<JsonNode> SweepAndWatchAsync(params string[] sweepArguments) =>
        (await RunAsync(["sweep", .. sweepArguments, "--db", connectionString, "--watch", "--json"])).Json;

    /// <summary>`quant job show ID --json`: status, owner, phase, items_total, items_completed, evaluations...</summary>
    public async Task<JsonNode> ShowAsync(Guid jobId) =>
        (await RunAsync(["job", "show", jobId.ToString(), "--db", connectionString, "--json"])).Json;

    /// <summary>`quant job results ID --format json`: every stored result in enumeration order.</summary>
    public async Task<SweepResults> ResultsAsync(Guid jobId) =>
        SweepResults.Parse((await RunAsync(["job", "results", jobId.ToString(), "--db", connectionString, "--format", "json"])).Output);

    /// <summary>`quant job cancel ID`.</summary>
    public Task CancelAsync(Guid jobId) => RunAsync(["job", "cancel", jobId.ToString(), "--db", connectionString]);

    private static async Task<QuantRun> RunAsync(string[] arguments)
    {
        var run = await QuantProcess.RunAsync(arguments);
        Assert.True(run.ExitCode == 0, $"quant {string.Join(' ', arguments.Take(3))} failed: {run}");
        return run;
    }
}
