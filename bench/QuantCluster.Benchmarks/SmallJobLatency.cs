using System.Diagnostics;
using System.Globalization;
using QuantCluster.Contracts;
using QuantCluster.Data;
using QuantCluster.Engine.Bars;
using QuantCluster.Grains.Hosting;

namespace QuantCluster.Benchmarks;

/// <summary>
/// How quick a small job is on the embedded cluster: the 780-set sma_crossover grid over 20,000 bars,
/// timed as a user sees it (a whole `quant sweep` process, launch to exit, median of 5 after a warm-up),
/// then one cold run of each start-up step in a fresh process, to show where the time goes. Run:
///   dotnet run -c Release --project bench/QuantCluster.Benchmarks -- small [QUANT_DLL]
/// QUANT_DLL is the quant.dll to time, by default the one built beside the benchmarks; a published one
/// (dotnet publish client -c Release -r linux-x64 -o out/quant, compiled ahead of time) starts faster.
/// </summary>
internal static class SmallJobLatency
{
    private const int Runs = 5;

    public static async Task RunAsync(string? quantDll)
    {
        string folder = Directory.CreateTempSubdirectory("quant-small-job").FullName;
        try
        {
            string bars = Path.Combine(folder, "bars.parquet");
            BarFiles.Write(bars, RandomWalkBars.Generate(20_000, new Random(42), "SMALL"));
            string quant = Path.GetFullPath(quantDll ?? Path.Combine(AppContext.BaseDirectory, "quant.dll"));
            string[] sweep = ["sweep", "--strategy", "sma_crossover", "--data", bars, "--grid", "fast=5:100:5", "--grid", "slow=10:400:10", "--json"];
            var times = new List<double>();
            for (int run = 0; run <= Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                await RunAsync("dotnet", [quant, .. sweep]);
                if (run > 0)
                {
                    times.Add(clock.Elapsed.TotalSeconds);
                }
            }

            times.Sort();
            Console.WriteLine($"{quant}: quant sweep, 780 positions x 20,000 bars, whole process: median {times[Runs / 2]:F3} s (runs {string.Join(", ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))})");
            Console.WriteLine(await RunAsync("dotnet", [typeof(SmallJobLatency).Assembly.Location, "small-steps", bars]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One cold run, step by step, in this (fresh) process.</summary>
    public static async Task StepsAsync(string bars)
    {
        var clock = Stopwatch.StartNew();
        var spec = new JobSpec
        {
            Strategy = "sma_crossover",
            Axes = [new ParameterAxis("fast", [.. Enumerable.Range(1, 20).Select(i => i * 5.0)]), new ParameterAxis("slow", [.. Enumerable.Range(1, 40).Select(i => i * 10.0)])],
            Objective = "sharpe",
            Data = new JobDataSource("", "") { Path = bars },
        };
        var steps = new List<(string, TimeSpan)>();
        void Step(string name)
        {
            steps.Add((name, clock.Elapsed));
            clock.Restart();
        }

        await using (var cluster = await LocalCluster.StartAsync(Environment.ProcessorCount, (spec.Data, spec.Settings)))
        {
            Step("silo start (bars read meanwhile)");
            var job = await cluster.Client.SubmitAsync(spec);
            Step("submit (the job grain cuts the plan)");
            var final = await cluster.Client.WaitAsync(job.JobId, TimeSpan.FromMilliseconds(10));
            Step($"job run ({final.Evaluated} sets, {final.Status})");
        }

        Step("silo stop");
        Console.WriteLine(string.Join(Environment.NewLine, steps.Select(s => $"  {s.Item1,-40} {s.Item2.TotalMilliseconds,7:F0} ms")));
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await error}");
        }

        return await output;
    }
}
