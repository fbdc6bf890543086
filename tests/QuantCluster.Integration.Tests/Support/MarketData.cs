namespace QuantCluster.Integration.Tests.Support;

/// <summary>The real market files in shared/data/market, found by walking up from the test binaries.</summary>
internal static class MarketData
{
    private static readonly Lazy<string> Location = new(Find);

    public static string File(string name) => Path.Combine(Location.Value, name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "market");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/data/market above {AppContext.BaseDirectory}; the repository clone must sit next to 'shared'.");
    }
}
