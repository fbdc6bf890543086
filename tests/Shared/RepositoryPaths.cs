namespace QuantCluster.Tests.Shared;

/// <summary>
/// The files the tests read from outside their own project, found by walking up from the test
/// binaries: the shared data next to the clone (&lt;clone&gt;/../shared/data), the Node reference
/// scripts in the clone (tests/reference) and its scripts (eng/). One place, so every test project
/// finds them alike.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> SharedData = new(() => Path.Combine(FindUp(Path.Combine("shared", "data", "market", "GOOG.csv")), "shared", "data"));

    private static readonly Lazy<string> Reference = new(() => Path.Combine(FindUp(Path.Combine("tests", "reference", "package.json")), "tests", "reference"));

    private static readonly Lazy<string> Root = new(() => FindUp("QuantCluster.sln"));

    private static readonly Lazy<string> Postgres = new(() => Path.Combine(FindUp(Path.Combine("eng", "postgres.sh")), "eng", "postgres.sh"));

    /// <summary>Real market bars: GOOG.csv (daily) and EURUSD.csv (hourly).</summary>
    public static string MarketDirectory => Path.Combine(SharedData.Value, "market");

    /// <summary>Parquet files written by other tools (apache/parquet-testing).</summary>
    public static string ParquetTestingDirectory => Path.Combine(SharedData.Value, "parquet-testing");

    /// <summary>The Node package with DuckDB and technicalindicators, and the scripts that use them.</summary>
    public static string ReferenceDirectory => Reference.Value;

    /// <summary>The clone itself: the folder of QuantCluster.sln.</summary>
    public static string RootDirectory => Root.Value;

    /// <summary>eng/postgres.sh, which starts, restarts and stops throwaway PostgreSQL servers.</summary>
    public static string PostgresScript => Postgres.Value;

    public static string MarketFile(string name) => Path.Combine(MarketDirectory, name);

    public static string ParquetTestingFile(string name) => Path.Combine(ParquetTestingDirectory, name);

    private static string FindUp(string relativeFile)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, relativeFile)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above {AppContext.BaseDirectory} holds {relativeFile}; the clone must sit next to 'shared' (as CI lays it out).");
    }
}
