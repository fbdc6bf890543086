using System.Diagnostics;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// A PostgreSQL server of one test's own, from eng/postgres.sh, for faults that would hurt every other
/// test on the shared server (QUANT_TEST_DB): test projects run in parallel against that one. Disposing
/// stops the server and removes its folder.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder;

    private PrivatePostgres(string connectionString, string folder)
    {
        ConnectionString = connectionString;
        _folder = folder;
    }

    /// <summary>The server's empty quant_test database, as a superuser.</summary>
    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        // start prints shell exports: export QUANT_TEST_DB='...' and export QUANT_PG_DIR='...'.
        string exports = await RunScriptAsync("start");
        string? connectionString = null, folder = null;
        foreach (string line in exports.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            connectionString ??= Exported(line, "QUANT_TEST_DB");
            folder ??= Exported(line, "QUANT_PG_DIR");
        }

        if (folder is null || connectionString is null)
        {
            if (folder is not null)
            {
                await RunScriptAsync("stop", folder);
            }

            throw new InvalidOperationException($"eng/postgres.sh start printed no QUANT_TEST_DB and QUANT_PG_DIR: {exports}");
        }

        return new PrivatePostgres(connectionString, folder);
    }

    /// <summary>
    /// A fast shutdown, <paramref name="down"/> with nothing listening, and a start on the same port:
    /// every session is cut and every connection refused meanwhile, as a crash or a failover does.
    /// </summary>
    public Task RestartAsync(TimeSpan down) =>
        RunScriptAsync("restart", _folder, down.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync() => await RunScriptAsync("stop", _folder);

    private static string? Exported(string line, string name)
    {
        string prefix = $"export {name}='";
        return line.StartsWith(prefix, StringComparison.Ordinal) && line.EndsWith('\'') ? line[prefix.Length..^1] : null;
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.PostgresScript);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The shared server's folder must never be the default of a command meant for this one.
        start.Environment.Remove("QUANT_PG_DIR");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        // The first start on a fresh machine installs PostgreSQL with apt-get.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/postgres.sh {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
