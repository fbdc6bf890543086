using System.Text.RegularExpressions;
using QuantCluster.Cluster.Tests.Api;
using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Browser;

/// <summary>`quant job report ID --out report.html`: one file, nothing fetched, the same charts drawn offline.</summary>
public sealed partial class StaticReportTests
{
    private static readonly TimeSpan Drawing = TimeSpan.FromSeconds(30);

    [BrowserFact]
    public async Task A_report_is_one_file_that_draws_the_heatmap_and_equity_curve_offline()
    {
        using var sweep = new SmaSweep();
        await using var api = await ApiSilo.StartAsync();
        var quant = new ClusterCommands(api.ConnectionString);
        var job = await quant.SweepAndWatchAsync(ApiSpecs.SmallGridArguments(sweep.BarsFile));
        string id = job["job_id"]!.GetValue<string>();
        var best = job["leaderboard"]![0]!["parameters"]!;
        var results = await quant.ResultsAsync(Guid.Parse(id));
        int qualifying = results.Entries.Count(e => e.Metrics["trades"] >= 1 && e.Metrics["sharpe"] is not null && !double.IsNaN(e.Metrics["sharpe"]!.Value));
        string path = sweep.File("report.html");

        var run = await QuantProcess.RunAsync("job", "report", id, "--out", path, "--db", api.ConnectionString);
        Assert.True(run.ExitCode == 0, $"quant job report failed: {run}");
        string html = await File.ReadAllTextAsync(path);
        using var browser = new HeadlessChromium();
        browser.Open(new Uri(path));
        browser.Until("return document.getElementById('heatmap')?.dataset.cells", Drawing, "the report's heatmap");
        browser.Until("return document.getElementById('equity')?.dataset.points", Drawing, "the report's equity chart");
        long cells = (long)browser.Run("return echarts.getInstanceByDom(document.getElementById('heatmap')).getOption().series[0].data.length")!;
        string bestCell = (string)browser.Run("return document.getElementById('heatmap').dataset.best")!;
        long points = (long)browser.Run("return echarts.getInstanceByDom(document.getElementById('equity')).getOption().series[0].data.length")!;
        browser.Run("document.getElementById('heatmap-mode').value = 'mean'; document.getElementById('heatmap-mode').dispatchEvent(new Event('change'));");
        string meanNote = (string)browser.Until("const n = document.getElementById('heatmap-note').textContent; return n.includes('direction') ? null : n", Drawing, "the mean heatmap");
        browser.Screenshot("report");

        Assert.Empty(ExternalReferences().Matches(html));
        Assert.Equal(qualifying, cells);
        Assert.Equal($"{best["fast"]},{best["slow"]}", bestCell);
        Assert.True(points > 100, $"the equity curve has {points} points");
        Assert.StartsWith($"{qualifying} cells", meanNote, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]+src=|<link[^>]+href=", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReferences();
}
