namespace QuantCluster.Deploy.Tests.Images;

/// <summary>
/// A copy of the repository as `docker build .` sends it: every file but those .dockerignore leaves out (its
/// patterns here are folder names anywhere, **/NAME, or paths from the root). Disposing removes it.
/// </summary>
internal sealed class BuildContext : IDisposable
{
    /// <summary>No build servers left running after the test: they would outlive it by minutes.</summary>
    public static readonly IReadOnlyDictionary<string, string> QuietBuild = new Dictionary<string, string>
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_NOLOGO"] = "1",
    };

    private readonly string _root;

    private BuildContext(string root)
    {
        _root = root;
        Source = Path.Combine(root, "src");
        Output = Path.Combine(root, "out");
    }

    public string Source { get; }

    public string Output { get; }

    public static BuildContext Copy()
    {
        string repository = Support.DeployFiles.Root;
        string[] patterns = [.. File.ReadAllLines(Path.Combine(repository, ".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
        var context = new BuildContext(Directory.CreateTempSubdirectory("quant-build-context-").FullName);
        CopyFolder(repository, context.Source, "", patterns);
        return context;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void CopyFolder(string from, string to, string relative, string[] patterns)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            if (!Ignored(Join(relative, Path.GetFileName(file)), patterns))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        foreach (string folder in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(folder);
            if (!Ignored(Join(relative, name), patterns))
            {
                CopyFolder(folder, Path.Combine(to, name), Join(relative, name), patterns);
            }
        }
    }

    private static string Join(string relative, string name) => relative.Length == 0 ? name : $"{relative}/{name}";

    private static bool Ignored(string path, string[] patterns) =>
        patterns.Any(p => p.StartsWith("**/", StringComparison.Ordinal) ? Path.GetFileName(path) == p[3..] : path == p);
}
