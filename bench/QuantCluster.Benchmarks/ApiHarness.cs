using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using QuantCluster.Grains.Hosting;
using QuantCluster.Grains.Tokens;

namespace QuantCluster.Benchmarks;

/// <summary>
/// A silo serving the HTTP API on loopback, on a fresh database of QUANT_DB's server, with an admin token
/// whose rate does not limit the benchmark, and a client of it: what the API benchmarks measure against.
/// </summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    private readonly BenchDatabase _database;
    private readonly SiloProcess _silo;

    private ApiHarness(BenchDatabase database, SiloProcess silo, Uri address, string token)
    {
        _database = database;
        _silo = silo;
        Address = address;
        Token = token;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri Address { get; }

    public string Token { get; }

    public HttpClient Http { get; }

    public static async Task<ApiHarness> StartAsync(int workers)
    {
        string server = Environment.GetEnvironmentVariable("QUANT_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Set QUANT_DB to a PostgreSQL connection string (eng/postgres.sh start gives a throwaway server).");
        var database = await BenchDatabase.CreateAsync(server);
        await ClusterSchema.ApplyAsync(database.ConnectionString);
        await using var tokens = PostgresTokenStore.Open(database.ConnectionString);
        var issued = await tokens.CreateAsync("bench", isAdmin: true, ratePerSecond: 100_000);
        int port = FreePort.Next();
        var silo = SiloProcess.Start(database.ConnectionString, workers, 0, cacheMb: 1024, httpPort: port);
        var harness = new ApiHarness(database, silo, new Uri($"http://127.0.0.1:{port}/"), issued.Secret);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await harness.Http.GetAsync("api/strategies")).IsSuccessStatusCode)
                {
                    return harness;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Submits the spec over HTTP and waits for the job to complete; returns its id.</summary>
    public async Task<string> RunJobAsync(JsonObject spec)
    {
        var response = await Http.PostAsJsonAsync("api/jobs", spec);
        response.EnsureSuccessStatusCode();
        string id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["jobId"]!.GetValue<string>();
        while (true)
        {
            var job = await Http.GetFromJsonAsync<JsonObject>($"api/jobs/{id}?top=0");
            switch (job!["status"]!.GetValue<string>())
            {
                case "completed":
                    return id;
                case "failed" or "cancelled":
                    throw new InvalidOperationException($"job {id} ended {job["status"]}: {job["error"]}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>donchian_breakout, entry 2..401 x exit 1..250 (100,000 sets), over 2,000 generated bars.</summary>
    public static JsonObject HundredThousandSets() => new()
    {
        ["strategy"] = "donchian_breakout",
        ["axes"] = new JsonArray(
            new JsonObject { ["name"] = "entry", ["values"] = new JsonArray([.. Enumerable.Range(2, 400).Select(v => (JsonNode)v)]) },
            new JsonObject { ["name"] = "exit", ["values"] = new JsonArray([.. Enumerable.Range(1, 250).Select(v => (JsonNode)v)]) }),
        ["objective"] = "sharpe",
        ["data"] = new JsonObject { ["symbol"] = "BENCH", ["timeframe"] = "1m", ["generatedBars"] = 2000, ["generatedSeed"] = 11 },
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _silo.Dispose();
        await _database.DisposeAsync();
    }
}
