using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// One real silo serving the HTTP API on a loopback port of its own, on a database of its own, and the
/// `quant token` commands against that database. Ready once the API answers.
/// </summary>
internal sealed class ApiSilo : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private ApiSilo(TestDatabase database, SiloProcess silo, int port)
    {
        _database = database;
        Silo = silo;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public SiloProcess Silo { get; }

    public Uri BaseAddress { get; }

    public string ConnectionString => _database.ConnectionString;

    public static async Task<ApiSilo> StartAsync()
    {
        var database = await TestDatabase.CreateAsync();
        int port = SiloProcess.FreePort();
        var silo = SiloProcess.Start(database.ConnectionString, "api-silo", SiloCluster.BarEvaluationsPerItem, httpPort: port);
        var api = new ApiSilo(database, silo, port);
        using var http = api.Client(null);
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    return (await http.GetAsync("openapi/v1.json")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60), "the silo's API to answer", () => silo.Log);
        return api;
    }

    /// <summary>An HTTP client of the API sending the token, when given, as `Authorization: Bearer`.</summary>
    public HttpClient Client(string? token)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>`quant token create --name NAME [--admin] [--rate N]`: the secret it printed.</summary>
    public async Task<string> CreateTokenAsync(string name, bool admin = false, int rate = 100)
    {
        string[] arguments = ["token", "create", "--name", name, "--rate", $"{rate}", "--db", ConnectionString, .. admin ? new[] { "--admin" } : []];
        var run = await QuantProcess.RunAsync(arguments);
        Assert.True(run.ExitCode == 0, $"quant token create failed: {run}");
        return run.Output.Trim();
    }

    public async Task RevokeTokenAsync(string name)
    {
        var run = await QuantProcess.RunAsync("token", "revoke", name, "--db", ConnectionString);
        Assert.True(run.ExitCode == 0, $"quant token revoke failed: {run}");
    }

    /// <summary>POST /api/jobs with the spec; the response as it came.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient http, JsonNode spec) =>
        http.PostAsync("api/jobs", new StringContent(spec.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Follows GET /api/jobs/{id}/events to its 'end' event and returns that event's job.</summary>
    public static async Task<JsonNode> WatchToEndAsync(HttpClient http, string jobId)
    {
        using var response = await http.GetAsync($"api/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? type = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "end")
            {
                return JsonNode.Parse(line["data: ".Length..])!;
            }
        }

        throw new InvalidOperationException($"The events of job {jobId} ended without an 'end' event.");
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await _database.DisposeAsync();
    }
}
