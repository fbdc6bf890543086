using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace QuantCluster.Interop.Tests.Backtest;

/// <summary>
/// Runs tests/reference/sma-crossover-backtest.mjs, the SMA crossover backtest in DuckDB SQL, with
/// Node. Fails the test with what to install when Node or the DuckDB package is missing.
/// </summary>
internal static class DuckDbSmaCrossover
{
    private const string Script = "sma-crossover-backtest.mjs";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static ReferenceMetrics Run(string csvPath, int fast, int slow, double commissionBps, string direction, double periodsPerYear)
    {
        string package = RepositoryPaths.ReferenceDirectory;
        if (!Directory.Exists(Path.Combine(package, "node_modules", "@duckdb", "node-api")))
        {
            Assert.Fail($"The DuckDB reference package is not installed in {package}. Run: npm ci --prefix tests/reference");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = package,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Script, csvPath, Text(fast), Text(slow), Text(commissionBps), direction, Text(periodsPerYear) })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Start(start);
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(Timeout))
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"node {Script} did not finish within {Timeout}.");
        }

        if (node.ExitCode != 0)
        {
            Assert.Fail($"node {Script} {string.Join(' ', start.ArgumentList.Skip(1))} exited with {node.ExitCode}:\n{stderr.Result}");
        }

        return JsonSerializer.Deserialize<ReferenceMetrics>(stdout.Result, Json)
            ?? throw new InvalidOperationException($"node {Script} printed no result.");
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Cannot run node ({e.Message}). The DuckDB reference tests need Node.js 20 or later on PATH.");
            throw;
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
