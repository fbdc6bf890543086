using System.Diagnostics;

namespace QuantCluster.Tests.Shared;

/// <summary>
/// Runs the real `quant` built beside the tests (dotnet quant.dll), as a user would. QUANT_DB is
/// removed from the child's environment unless a test gives it, so the developer's own setting
/// never leaks into a test.
/// </summary>
internal static class QuantProcess
{
    public static QuantRun Run(params string[] arguments) => RunAsync(arguments).GetAwaiter().GetResult();

    public static Task<QuantRun> RunAsync(params string[] arguments) => Start(quantDb: null, arguments);

    /// <summary>Runs quant with QUANT_DB set to <paramref name="quantDb"/>.</summary>
    public static Task<QuantRun> RunWithQuantDbAsync(string quantDb, params string[] arguments) => Start(quantDb, arguments);

    /// <summary>Runs quant with these environment variables set (and QUANT_DB removed, unless given).</summary>
    public static Task<QuantRun> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start(quantDb: null, arguments, environment);

    private static async Task<QuantRun> Start(string? quantDb, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
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

        start.Environment.Remove("QUANT_DB");
        if (quantDb is not null)
        {
            start.Environment["QUANT_DB"] = quantDb;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"quant {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new QuantRun(process.ExitCode, await output, await error);
    }
}
