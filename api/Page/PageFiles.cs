using Microsoft.AspNetCore.StaticFiles;

namespace QuantCluster.Api.Page;

/// <summary>
/// The results page's files, copied beside the program by the build (quant-page/): its own HTML, script
/// and style, and the chart library from npm, which is there only if `npm ci --prefix api/web` ran before the build.
/// </summary>
public sealed class PageFiles
{
    public const string ChartLibrary = "vendor/echarts.min.js";

    public const string MissingChartLibrary =
        "The results page's chart library is missing (quant-page/vendor/echarts.min.js): run `npm ci --prefix api/web`, then build again.";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public PageFiles(string root) => Root = Path.GetFullPath(root);

    public static PageFiles BesideProgram { get; } = new(Path.Combine(AppContext.BaseDirectory, "quant-page"));

    public string Root { get; }

    public bool HasChartLibrary => File.Exists(Path.Combine(Root, ChartLibrary));

    /// <summary>A file of the page by its path under the root; null for none (or a path that leaves the root).</summary>
    public (string Path, string ContentType)? Find(string relative)
    {
        string full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        return (full, ContentTypes.TryGetContentType(full, out var type) ? type : "application/octet-stream");
    }

    public string Read(string relative) => File.ReadAllText(Find(relative)?.Path ?? throw new FileNotFoundException($"The results page has no file {relative} in {Root}."));
}
