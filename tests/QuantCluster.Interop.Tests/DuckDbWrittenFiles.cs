using System.Text.Json;
using QuantCluster.Data.Tests.Parquet;

namespace QuantCluster.Interop.Tests;

/// <summary>
/// Files DuckDB writes (parquet-write-duckdb.mjs) into a temp folder, once per test class, with
/// what DuckDB reads back from each; the folder is deleted afterwards.
/// </summary>
public sealed class DuckDbWrittenFiles : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<(string Codec, string Version), string> _files = [];

    public DuckDbWrittenFiles()
    {
        var written = DuckDbReference.RunScript("parquet-write-duckdb.mjs", [_directory.Path]);
        using var json = JsonDocument.Parse(written);
        foreach (var file in json.RootElement.EnumerateArray())
        {
            _files[(file.GetProperty("codec").GetString()!, file.GetProperty("version").GetString()!)] =
                file.GetProperty("file").GetString()!;
        }

        Readings = DuckDbReference.Dump([.. _files.Values]);
    }

    /// <summary>What DuckDB reads from each of its files, keyed by path.</summary>
    public IReadOnlyDictionary<string, DuckDbFile> Readings { get; }

    public string File(string codec, string version) => _files[(codec, version)];

    public void Dispose() => _directory.Dispose();
}
