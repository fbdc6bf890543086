using System.Diagnostics;
using System.Text.Json;

namespace QuantCluster.Data.Tests.Parquet;

/// <summary>Runs the committed Node scripts in tests/reference, which drive DuckDB.</summary>
public static class DuckDbReference
{
    private static TimeSpan ScriptTimeout => TimeSpan.FromMinutes(3);

    /// <summary>What DuckDB reads from each file (parquet-dump.mjs), keyed by the path given.</summary>
    public static IReadOnlyDictionary<string, DuckDbFile> Dump(IReadOnlyList<string> files)
    {
        using var json = JsonDocument.Parse(RunScript("parquet-dump.mjs", files));
        var result = new Dictionary<string, DuckDbFile>();
        foreach (var file in json.RootElement.EnumerateObject())
            result[file.Name] = ParseFile(file.Value);
        return result;
    }

    public static DuckDbFile Dump(string file) => Dump([file])[file];

    /// <summary>Runs SQL statements (duckdb-query.mjs); one list of rows per statement, every value a string or null.</summary>
    public static IReadOnlyList<IReadOnlyList<Dictionary<string, string?>>> Query(params string[] statements)
    {
        using var json = JsonDocument.Parse(RunScript("duckdb-query.mjs", statements));
        return [.. json.RootElement.EnumerateArray().Select(result => (IReadOnlyList<Dictionary<string, string?>>)[
            .. result.EnumerateArray().Select(row => row.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString())),
        ])];
    }

    /// <summary>Runs a script with node and returns its standard output; fails with its error output.</summary>
    public static string RunScript(string script, IReadOnlyList<string> arguments)
    {
        var directory = RepositoryPaths.ReferenceDirectory;
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@duckdb")))
            throw new InvalidOperationException($"DuckDB is not installed: run `npm ci --prefix tests/reference` ({directory})");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(directory, script));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in {ScriptTimeout}");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"node {script} failed with exit code {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static DuckDbFile ParseFile(JsonElement file)
    {
        if (file.TryGetProperty("error", out var error))
            return new DuckDbFile([], [], error.GetString());
        var columns = file.GetProperty("columns").EnumerateArray().Select(c => new DuckDbColumn(
            c.GetProperty("name").GetString()!,
            c.GetProperty("duckType").GetString()!,
            [.. c.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString())]));
        var nested = file.GetProperty("nested").EnumerateArray().Select(n => n.GetString()!);
        return new DuckDbFile([.. columns], [.. nested], null);
    }
}
