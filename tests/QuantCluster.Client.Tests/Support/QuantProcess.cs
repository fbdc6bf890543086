using System.Diagnostics;
using System.Text.Json.Nodes;

namespace QuantCluster.Client.Tests.Support;

/// <summary>Runs the real `quant` executable built beside the tests, as a user would.</summary>
internal static class QuantProcess
{
    public static QuantRun Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "quant.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"quant {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new QuantRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A file of ../shared/data/market, found by walking up from the test binaries.</summary>
    public static string MarketFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "market", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/data/market/{name} was not found above {AppContext.BaseDirectory}.");
    }
}

internal sealed record QuantRun(int ExitCode, string Output, string Error)
{
    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException($"No JSON in: {Output}");
}
