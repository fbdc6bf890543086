using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace QuantCluster.Benchmarks;

/// <summary>
/// `-- api-load [RATE] [SECONDS]`: GET /api/jobs/{id} of a finished job at a fixed rate (default 200/s for
/// 20 s) from an open loop on loopback, each request sent on schedule whether or not the last has answered,
/// so a slow server shows as latency rather than as a lower rate. Reports the achieved rate and latency percentiles.
/// </summary>
internal static class ApiStatusLoad
{
    public static async Task RunAsync(string[] args)
    {
        int rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        int seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        await using var api = await ApiHarness.StartAsync(workers: 1);
        var spec = ApiHarness.HundredThousandSets();
        spec["axes"]![0]!["values"] = new JsonArray([.. Enumerable.Range(2, 20).Select(v => (JsonNode)v)]);
        string id = await api.RunJobAsync(spec);
        string path = $"api/jobs/{id}";

        // Warm-up: JIT, connection pools, the job grain's activation.
        for (int i = 0; i < 200; i++)
        {
            (await api.Http.GetAsync(path)).EnsureSuccessStatusCode();
        }

        int total = rate * seconds;
        var latencies = new double[total];
        int failures = 0;
        var requests = new Task[total];
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            int n = i;
            requests[i] = Task.Run(async () =>
            {
                long start = Stopwatch.GetTimestamp();
                using var response = await api.Http.GetAsync(path);
                _ = await response.Content.ReadAsByteArrayAsync();
                latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            });
        }

        await Task.WhenAll(requests);
        double wall = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(total - 1, (int)Math.Ceiling(q * total) - 1)];
        Console.WriteLine(
            $"api-load: {total:N0} GET /api/jobs/{{id}} at {rate}/s asked, {total / wall:F1}/s achieved over {wall:F1} s, {failures} failed; " +
            $"latency ms p50 {P(0.50):F2}, p90 {P(0.90):F2}, p99 {P(0.99):F2}, max {latencies[^1]:F2}");
    }
}
