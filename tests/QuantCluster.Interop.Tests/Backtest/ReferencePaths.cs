namespace QuantCluster.Interop.Tests.Backtest;

/// <summary>
/// Directories the reference tests need, found by walking up from the test binaries: the Node
/// reference package (tests/reference in this clone) and the real market files (shared/data/market,
/// next to the clone).
/// </summary>
internal static class ReferencePaths
{
    public static string NodePackage { get; } = FindAbove(Path.Combine("tests", "reference"), "package.json");

    public static string MarketData { get; } = FindAbove(Path.Combine("shared", "data", "market"), "GOOG.csv");

    public static string MarketFile(string name) => Path.Combine(MarketData, name);

    private static string FindAbove(string relative, string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(Path.Combine(candidate, marker)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No {relative} (with {marker}) above {AppContext.BaseDirectory}.");
    }
}
