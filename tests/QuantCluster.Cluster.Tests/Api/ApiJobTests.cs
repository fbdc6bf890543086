using System.Net;
using System.Text.Json.Nodes;
using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Api;

/// <summary>Jobs through the silo's HTTP API: the same spec as the console's, the same results, the same errors.</summary>
public sealed class ApiJobTests
{
    [ClusterFact]
    public async Task A_job_submitted_over_HTTP_completes_and_its_results_equal_the_consoles()
    {
        using var sweep = new SmaSweep();
        await using var api = await ApiSilo.StartAsync();
        using var http = api.Client(await api.CreateTokenAsync("notebook"));
        var quant = new ClusterCommands(api.ConnectionString);

        var submitted = await ApiSilo.SubmitAsync(http, ApiSpecs.SmallGrid(sweep.BarsFile));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        string id = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["jobId"]!.GetValue<string>();
        Assert.Equal($"/api/jobs/{id}", submitted.Headers.Location?.OriginalString);
        var end = await ApiSilo.WatchToEndAsync(http, id);
        var overHttp = ConsoleShaped(await http.GetStringAsync($"api/jobs/{id}/results?format=json"));

        var consoleJob = await quant.SweepAndWatchAsync(ApiSpecs.SmallGridArguments(sweep.BarsFile));
        var byConsole = await quant.ResultsAsync(Guid.Parse(consoleJob["job_id"]!.GetValue<string>()));
        var shown = await quant.ShowAsync(Guid.Parse(id));

        Assert.Equal("completed", end["status"]!.GetValue<string>());
        Assert.Equal(80, end["evaluated"]!.GetValue<long>());
        Assert.Equal("completed", shown["status"]!.GetValue<string>());
        overHttp.AssertEachSetExactlyOnce(80);
        overHttp.AssertSameAs(byConsole, 1e-12);
    }

    [ClusterFact]
    public async Task A_bad_spec_is_refused_as_a_problem_in_the_consoles_words_and_stores_nothing()
    {
        using var sweep = new SmaSweep();
        await using var api = await ApiSilo.StartAsync();
        using var http = api.Client(await api.CreateTokenAsync("notebook"));
        var spec = ApiSpecs.SmallGrid(sweep.BarsFile);
        spec["objective"] = "sharp";
        string[] arguments = [.. ApiSpecs.SmallGridArguments(sweep.BarsFile).Select(a => a == "sharpe" ? "sharp" : a)];

        var refused = await ApiSilo.SubmitAsync(http, spec);
        var console = await QuantProcess.RunAsync(["sweep", .. arguments, "--db", api.ConnectionString]);
        var malformed = await http.PostAsync("api/jobs", new StringContent("{\"strategy\": ", System.Text.Encoding.UTF8, "application/json"));
        var jobs = JsonNode.Parse(await http.GetStringAsync("api/jobs"))!.AsArray();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var detail = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Equal(2, console.ExitCode);
        Assert.Equal(console.Error.Trim(), $"error: {detail}");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.StartsWith("The body is not a job spec", JsonNode.Parse(await malformed.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(jobs);
    }

    /// <summary>The API's results JSON as the console writes it: without the item, a non-finite metric as null.</summary>
    private static SweepResults ConsoleShaped(string json)
    {
        var results = JsonNode.Parse(json)!.AsArray();
        foreach (var result in results)
        {
            result!.AsObject().Remove("item");
            var metrics = result["metrics"]!.AsObject();
            foreach (var name in metrics.Where(m => m.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(m => m.Key).ToArray())
            {
                metrics[name] = null;
            }
        }

        return SweepResults.Parse(results.ToJsonString());
    }
}
