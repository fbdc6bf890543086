using System.Text.Json.Nodes;
using QuantCluster.Deploy.Tests.Support;

namespace QuantCluster.Deploy.Tests.Dashboards;

/// <summary>
/// The Grafana dashboards in deploy/grafana, as files: what they show and where they ask. That every query runs
/// and returns data against a real Prometheus scraping a real silo is the cluster tests' DashboardQueryTests.
/// </summary>
public sealed class DashboardFileTests
{
    private static readonly string[] Required =
    [
        "Throughput (bar-evaluations/s)", "Work pending and in flight", "Active silos", "Work-item latency", "Failures and retries",
        "Bar cache hit ratio", "Grain activations", "Message rates", "Progress", "Best objective so far",
    ];

    private static JsonObject Dashboard => (JsonObject)JsonNode.Parse(File.ReadAllText(DeployFiles.Path("deploy", "grafana", "quantcluster.json")))!;

    [Fact]
    public void The_dashboard_shows_the_cluster_Orleans_and_one_job()
    {
        var panels = Dashboard["panels"]!.AsArray();

        Assert.Equal(["Cluster", "Orleans", "Job $job"], panels.Where(p => (string?)p!["type"] == "row").Select(p => (string)p!["title"]!));
        Assert.Superset(Required.ToHashSet(), panels.Select(p => (string)p!["title"]!).ToHashSet());
    }

    [Fact]
    public void Every_panel_says_what_it_means_and_queries_the_chosen_Prometheus()
    {
        foreach (var panel in Panels())
        {
            string title = (string)panel["title"]!;
            Assert.True(((string?)panel["description"])?.Length > 40, $"panel '{title}' does not say what it shows");
            Assert.Equal("${datasource}", (string?)panel["datasource"]!["uid"]);
            var targets = panel["targets"]!.AsArray();
            Assert.NotEmpty(targets);
            Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace((string?)t!["expr"]), $"a query of '{title}' is empty"));
            Assert.Equal(targets.Count, targets.Select(t => (string)t!["refId"]!).Distinct().Count());
        }
    }

    [Fact]
    public void The_job_row_follows_the_job_chosen_among_those_that_report_progress()
    {
        var variables = Dashboard["templating"]!["list"]!.AsArray();
        var job = variables.Single(v => (string?)v!["name"] == "job")!;
        var rowIndex = Dashboard["panels"]!.AsArray().Select((p, i) => (p, i)).Single(x => (string?)x.p!["title"] == "Job $job").i;
        var jobPanels = Dashboard["panels"]!.AsArray().Skip(rowIndex + 1).Where(p => (string?)p!["type"] != "row").ToList();

        Assert.Equal("label_values(quant_job_progress, job_id)", (string?)job["query"]!["query"]);
        Assert.Equal("prometheus", (string?)variables.Single(v => (string?)v!["name"] == "datasource")!["query"]);
        Assert.NotEmpty(jobPanels);
        Assert.All(jobPanels.SelectMany(p => p!["targets"]!.AsArray()), t => Assert.Contains("job_id=\"$job\"", (string)t!["expr"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void Panels_do_not_overlap_on_the_grid()
    {
        var cells = new HashSet<(int, int)>();
        foreach (var panel in Dashboard["panels"]!.AsArray())
        {
            var grid = panel!["gridPos"]!;
            for (int x = (int)grid["x"]!; x < (int)grid["x"]! + (int)grid["w"]!; x++)
            {
                for (int y = (int)grid["y"]!; y < (int)grid["y"]! + (int)grid["h"]!; y++)
                {
                    Assert.True(cells.Add((x, y)), $"'{panel["title"]}' overlaps another panel at ({x}, {y})");
                    Assert.InRange(x, 0, 23);
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Panels() =>
        Dashboard["panels"]!.AsArray().Where(p => (string?)p!["type"] != "row").Select(p => p!);
}
