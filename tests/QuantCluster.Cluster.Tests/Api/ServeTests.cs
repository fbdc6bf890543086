using System.Diagnostics;
using System.Text.Json.Nodes;
using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Api;

/// <summary>`quant serve`: the embedded local cluster's API and page on loopback, without tokens.</summary>
public sealed class ServeTests
{
    [Fact]
    public async Task Quant_serve_runs_the_demo_sweep_and_serves_it_without_a_token()
    {
        int port = SiloProcess.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "quant.dll"), "serve", "--port", $"{port}", "--workers", "1", "--data", RepositoryPaths.MarketFile("GOOG.csv") })
        {
            start.ArgumentList.Add(argument);
        }

        using var serve = Process.Start(start)!;
        try
        {
            string first = await serve.StandardOutput.ReadLineAsync() ?? "";
            string second = await serve.StandardOutput.ReadLineAsync() ?? "";
            string submitted = await serve.StandardOutput.ReadLineAsync() ?? "";
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            string id = submitted[(submitted.LastIndexOf('/') + 1)..];
            var job = await Poll.UntilAsync(
                async () => JsonNode.Parse(await http.GetStringAsync($"api/jobs/{id}"))!,
                j => j["status"]!.GetValue<string>() == "completed", TimeSpan.FromSeconds(60), "the demo sweep to complete", () => submitted);
            var heatmap = JsonNode.Parse(await http.GetStringAsync($"api/jobs/{id}/heatmap?x=fast&y=slow&mode=best"))!;
            var page = await http.GetAsync("");

            Assert.Equal($"Serving the results page on http://127.0.0.1:{port}/ and the API on http://127.0.0.1:{port}/api/ (reference: /scalar).", first);
            Assert.Contains("no tokens are needed", second, StringComparison.Ordinal);
            Assert.Equal(job["best"]![0]!["parameters"]!["fast"]!.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture), heatmap["x"]!["values"]![heatmap["best"]!["x"]!.GetValue<int>()]!.GetValue<string>());
            Assert.True(page.IsSuccessStatusCode, $"GET / gave {page.StatusCode}");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
