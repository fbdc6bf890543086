using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// A real Prometheus (Debian's, which ./test.sh installs) scraping the given targets every second, on a
/// loopback port and a storage folder of its own. Disposing kills it and removes the folder.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Program = "prometheus";

    /// <summary>The scrape job's name, as the dashboards' queries see it in the job label.</summary>
    public const string Job = "quant-silo";

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<string> _log = new();

    private PrometheusServer(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Log => string.Join('\n', _log);

    public static async Task<PrometheusServer> StartAsync(params string[] targets)
    {
        var folder = Directory.CreateTempSubdirectory("quant-prometheus-");
        string config = Path.Combine(folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: {Job}
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"\"{t}\""))}]
            """);
        int port = SiloProcess.FreePort();
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var server = new PrometheusServer(process, folder, port);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(server.IsReadyAsync, TimeSpan.FromSeconds(30), "Prometheus to be ready", () => server.Log);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instant query at the present: the API's whole answer (status, data.resultType, data.result, or errorType and error).</summary>
    public async Task<JsonNode> QueryAsync(string promql)
    {
        using var response = await _http.GetAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The values a label takes on the series of a metric, as Grafana's label_values(metric, label) asks.</summary>
    public async Task<IReadOnlyList<string>> LabelValuesAsync(string metric, string label)
    {
        using var response = await _http.GetAsync($"api/v1/label/{Uri.EscapeDataString(label)}/values?match[]={Uri.EscapeDataString(metric)}");
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. answer["data"]!.AsArray().Select(v => (string)v!)];
    }

    /// <summary>The samples of an instant query's vector result, each as its value; empty when it returned no data.</summary>
    public static IReadOnlyList<double> Values(JsonNode answer) =>
        (string?)answer["data"]?["resultType"] is "vector"
            ? [.. answer["data"]!["result"]!.AsArray().Select(r => double.Parse((string)r!["value"]![1]!, CultureInfo.InvariantCulture))]
            : (string?)answer["data"]?["resultType"] is "scalar"
                ? [double.Parse((string)answer["data"]!["result"]![1]!, CultureInfo.InvariantCulture)]
                : [];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
        _folder.Delete(recursive: true);
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await _http.GetAsync("-/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue($"[prometheus] {line}");
        }
    }
}
