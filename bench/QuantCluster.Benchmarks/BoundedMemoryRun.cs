using System.Diagnostics;
using System.Globalization;
using QuantCluster.Data;
using QuantCluster.Engine.Bars;
using QuantCluster.Grains.Results.Postgres;

namespace QuantCluster.Benchmarks;

/// <summary>
/// A 10^7-set grid (donchian_breakout: 2,500 entry x 2,000 exit x 2 directions) over 2,000 bars on one
/// quant-silo process with PostgreSQL, submitted and watched by a real `quant sweep --db --watch`: the
/// peak resident memory of the silo and of the client, sampled every 100 ms, the wall time, and the rows
/// the results store holds at the end. Run:
///   eval "$(eng/postgres.sh start)"
///   QUANT_DB=$QUANT_TEST_DB dotnet run -c Release --project bench/QuantCluster.Benchmarks -- bounded
///   eng/postgres.sh stop
/// </summary>
internal static class BoundedMemoryRun
{
    private const int CacheMb = 512;

    public static async Task RunAsync()
    {
        string connectionString = Environment.GetEnvironmentVariable("QUANT_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Set QUANT_DB to a PostgreSQL connection string (eng/postgres.sh start gives a throwaway server).");
        string folder = Directory.CreateTempSubdirectory("quant-bounded").FullName;
        await using var database = await BenchDatabase.CreateAsync(connectionString);
        // The cache holds bars and indicators up to its budget (4 GiB by default), by design; this run's 4,500
        // channels of 2,000 bars need about 150 MiB of it.
        using var silo = SiloProcess.Start(database.ConnectionString, Environment.ProcessorCount, 0, cacheMb: CacheMb);
        try
        {
            string bars = Path.Combine(folder, "bars.parquet");
            BarFiles.Write(bars, RandomWalkBars.Generate(2_000, new Random(42), "BOUNDED"));
            await ClusterReadiness.WaitForActiveSilosAsync(database.ConnectionString, 1);

            var clock = Stopwatch.StartNew();
            using var client = Process.Start(new ProcessStartInfo("dotnet",
            [
                Path.Combine(AppContext.BaseDirectory, "quant.dll"), "sweep", "--strategy", "donchian_breakout", "--data", bars,
                "--grid", "entry=2:2501:1", "--grid", "exit=1:2000:1", "--grid", "direction=long_only,long_short",
                "--db", database.ConnectionString, "--watch", "--json",
            ])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = client.StandardOutput.ReadToEndAsync();
            var error = client.StandardError.ReadToEndAsync();
            long siloPeak = 0, clientPeak = 0;
            while (!client.HasExited)
            {
                siloPeak = Math.Max(siloPeak, ResidentBytes(silo.ProcessId));
                clientPeak = Math.Max(clientPeak, ResidentBytes(client.Id));
                await Task.Delay(100);
            }

            double seconds = clock.Elapsed.TotalSeconds;
            if (client.ExitCode != 0)
            {
                throw new InvalidOperationException($"quant sweep failed: {await error}");
            }

            await using var results = await PostgresResultStore.OpenAsync(database.ConnectionString);
            var job = System.Text.Json.Nodes.JsonNode.Parse(await output)!;
            var counts = await results.CountAsync(Guid.Parse((string)job["job_id"]!));
            Console.WriteLine(
                $"{(long)job["parameter_sets"]!:N0} parameter sets x 2,000 bars, {job["status"]}, in {seconds:F1} s; {counts.Sets:N0} rows in {counts.Items:N0} items stored; " +
                $"peak RSS: silo {siloPeak / (1 << 20):N0} MiB (--cache-mb {CacheMb}), client {clientPeak / (1 << 20):N0} MiB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>VmRSS of a live process, from /proc; 0 once it has gone.</summary>
    private static long ResidentBytes(int processId)
    {
        try
        {
            string line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return 0;
        }
    }
}
