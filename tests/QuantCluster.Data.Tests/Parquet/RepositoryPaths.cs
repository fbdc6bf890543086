namespace QuantCluster.Data.Tests.Parquet;

/// <summary>
/// Finds the shared test data and the reference scripts by walking up from the test binaries:
/// the data lives in &lt;clone&gt;/../shared, the scripts in &lt;clone&gt;/tests/reference.
/// </summary>
public static class RepositoryPaths
{
    public static string ParquetTestingDirectory =>
        Path.Combine(FindUp(d => Directory.Exists(Path.Combine(d, "shared", "data"))), "shared", "data", "parquet-testing");

    public static string ReferenceDirectory =>
        Path.Combine(FindUp(d => File.Exists(Path.Combine(d, "tests", "reference", "parquet-dump.mjs"))), "tests", "reference");

    public static string ParquetTestingFile(string name) => Path.Combine(ParquetTestingDirectory, name);

    private static string FindUp(Func<string, bool> isTarget)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (isTarget(directory.FullName))
                return directory.FullName;
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds the expected test files");
    }
}
