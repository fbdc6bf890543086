using System.Net;
using System.Text;
using System.Text.Json;
using QuantCluster.Api.Backtests;
using QuantCluster.Api.JobResults;
using QuantCluster.Api.Jobs;
using QuantCluster.Api.Page;
using QuantCluster.Contracts.Jobs;
using QuantCluster.Engine.Strategies;
using QuantCluster.Grains.Clients;
using QuantCluster.Grains.Symbols;

namespace QuantCluster.Api.Report;

/// <summary>
/// A job's results page as one self-contained HTML file (`quant job report`): the page's style, script and
/// chart library inlined, and the data computed now (<see cref="ReportData"/>), so it opens offline.
/// </summary>
public static class StaticReport
{
    private const int Leaders = 20;

    /// <summary>Everything the report shows; the equity curve only when <paramref name="symbols"/> can read the job's bars here.</summary>
    public static async Task<ReportData> CollectAsync(JobClient client, SymbolCache symbols, JobSnapshot job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(job);
        var strategy = StrategyCatalog.Find(job.Spec.Strategy);
        var leaders = (await client.TopAsync(job, Leaders, cancellationToken)).Select(r => ResultView.Of(strategy, r)).ToArray();
        var heatmaps = new Dictionary<string, Heatmap>();
        if (job.Spec.Axes.Count >= 2 && job.Best.Count > 0)
        {
            var columns = await JobResultColumns.ReadAsync(client, job, cancellationToken);
            foreach (var x in job.Spec.Axes)
            {
                foreach (var y in job.Spec.Axes.Where(a => a.Name != x.Name))
                {
                    foreach (string mode in new[] { "fixed", "best", "mean" })
                    {
                        heatmaps[$"{x.Name}|{y.Name}|{mode}"] = Heatmap.Of(columns, x.Name, y.Name, mode);
                    }
                }
            }
        }

        var backtests = new List<BacktestView>();
        string? note = null;
        if (job.Best.Count > 0)
        {
            try
            {
                backtests.Add(await JobBacktest.RunAsync(symbols, job, new Dictionary<string, string>(), cancellationToken));
            }
            catch (Exception e) when (e is BarSourceException or IOException)
            {
                note = $"no equity curve: the job's bars cannot be read here ({e.Message})";
            }
        }

        return new ReportData(JobView.Of(job, Leaders), leaders, heatmaps, backtests, note);
    }

    /// <exception cref="FileNotFoundException">The page's files, or its chart library, are not beside the program.</exception>
    public static string Html(ReportData data, PageFiles page)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(page);
        if (!page.HasChartLibrary)
        {
            throw new FileNotFoundException(PageFiles.MissingChartLibrary);
        }

        string title = WebUtility.HtmlEncode($"QuantCluster report: job {data.Job.JobId}");
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title).Append("</title>\n<style>\n")
            .Append(page.Read("style.css")).Append("\n</style>\n</head>\n<body>\n")
            .Append("<header><a href=\"#/\" class=\"brand\">QuantCluster</a><span id=\"where\"></span></header>\n<main id=\"view\"></main>\n")
            .Append("<script>window.QUANT_REPORT = ")
            .Append(JsonSerializer.Serialize(data, ApiJson.Options))
            .Append(";</script>\n<script>\n").Append(Script(page.Read(PageFiles.ChartLibrary))).Append("\n</script>\n<script>\n")
            .Append(Script(page.Read("app.js"))).Append("\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    // Inside an inline script only "</script" ends it early; "<\/" means the same to JavaScript.
    private static string Script(string code) => code.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
