namespace QuantCluster.Data.Tests.Parquet;

/// <summary>
/// The apache/parquet-testing files, with what DuckDB reads from each, dumped once for the
/// whole test class.
/// </summary>
public sealed class ParquetTestingCorpus
{
    /// <summary>DuckDB cannot read the deprecated LZ4 codec; these files hold the LZ4_RAW file's rows.</summary>
    private static readonly Dictionary<string, string> SameRowsAs = new()
    {
        ["hadoop_lz4_compressed.parquet"] = "lz4_raw_compressed.parquet",
        ["non_hadoop_lz4_compressed.parquet"] = "lz4_raw_compressed.parquet",
    };

    private readonly IReadOnlyDictionary<string, DuckDbFile> _duckDb;

    public ParquetTestingCorpus()
    {
        _duckDb = DuckDbReference.Dump([.. FileNames().Select(RepositoryPaths.ParquetTestingFile)]);
    }

    public static IEnumerable<string> FileNames() =>
        Directory.GetFiles(RepositoryPaths.ParquetTestingDirectory, "*.parquet").Select(Path.GetFileName).Order()!;

    /// <summary>DuckDB's reading of a file, or of the file with the same rows when DuckDB cannot read it.</summary>
    public DuckDbFile Expected(string fileName)
    {
        var own = _duckDb[RepositoryPaths.ParquetTestingFile(fileName)];
        if (own.Error is null || !SameRowsAs.TryGetValue(fileName, out var substitute))
            return own;
        return _duckDb[RepositoryPaths.ParquetTestingFile(substitute)];
    }

    public DuckDbFile DuckDbReading(string fileName) => _duckDb[RepositoryPaths.ParquetTestingFile(fileName)];
}
