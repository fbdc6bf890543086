using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuantCluster.Cluster.Tests.Support;

/// <summary>
/// Every PromQL query of every Grafana dashboard in deploy/grafana: the panels' targets, with Grafana's
/// variables put in as Grafana would, and the label_values(metric, label) queries of the dashboards' variables.
/// </summary>
internal static partial class DashboardQueries
{
    public static IReadOnlyList<string> Files =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.RootDirectory, "deploy", "grafana"), "*.json").Order(StringComparer.Ordinal).ToArray();

    /// <summary>(where, query) of every panel target, with $job and $__rate_interval replaced.</summary>
    public static IEnumerable<(string Where, string Query)> PanelQueries(string jobId, string rateInterval)
    {
        foreach (string file in Files)
        {
            var dashboard = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var panel in dashboard["panels"]!.AsArray().Where(p => p!["targets"] is not null))
            {
                foreach (var target in panel!["targets"]!.AsArray())
                {
                    string expr = ((string)target!["expr"]!)
                        .Replace("$__rate_interval", rateInterval, StringComparison.Ordinal)
                        .Replace("$job", jobId, StringComparison.Ordinal);
                    yield return ($"{Path.GetFileName(file)} '{panel["title"]}' {target["refId"]}", expr);
                }
            }
        }
    }

    /// <summary>(where, metric, label) of every dashboard variable that asks label_values(metric, label).</summary>
    public static IEnumerable<(string Where, string Metric, string Label)> LabelValueQueries()
    {
        foreach (string file in Files)
        {
            var dashboard = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var variable in dashboard["templating"]!["list"]!.AsArray().Where(v => (string?)v!["type"] == "query"))
            {
                string query = (string)variable!["query"]!["query"]!;
                var match = LabelValues().Match(query);
                Assert.True(match.Success, $"{Path.GetFileName(file)} variable {variable["name"]}: '{query}' is not label_values(metric, label)");
                yield return ($"{Path.GetFileName(file)} ${variable["name"]}", match.Groups["metric"].Value, match.Groups["label"].Value);
            }
        }
    }

    [GeneratedRegex(@"^label_values\((?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*),\s*(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\)$")]
    private static partial Regex LabelValues();
}
