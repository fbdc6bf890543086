using System.Text.Json.Nodes;
using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Hosting;

/// <summary>The Orleans dashboard, served by a real silo on the port it is given.</summary>
public sealed class DashboardTests
{
    [ClusterFact]
    public async Task A_silo_serves_the_Orleans_dashboard_with_itself_among_the_active_hosts()
    {
        await using var db = await TestDatabase.CreateAsync();
        int port = SiloProcess.FreePort();
        await using var silo = SiloProcess.Start(db.ConnectionString, "silo-dashboard", SiloCluster.BarEvaluationsPerItem, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        string page = await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    return await http.GetStringAsync("");
                }
                catch (HttpRequestException)
                {
                    return "";
                }
            },
            body => body.Length > 0, TimeSpan.FromSeconds(60), "the dashboard to answer", () => silo.Log);
        // The dashboard gathers its counters every second or so.
        var counters = await Poll.UntilAsync(
            async () => JsonNode.Parse(await http.GetStringAsync("DashboardCounters"))!,
            json => json["hosts"]!.AsArray().Count > 0, TimeSpan.FromSeconds(30), "the dashboard's counters", () => silo.Log);

        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);
        var host = Assert.Single(counters["hosts"]!.AsArray())!;
        Assert.Equal("Active", (string?)host["status"]);
        Assert.True(silo.Is((string)host["siloAddress"]! + "@"), $"the dashboard shows {host["siloAddress"]}, not the silo on port {silo.Port}");
    }
}
