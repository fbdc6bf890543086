using System.Net;
using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Hosting;

/// <summary>
/// A real silo's /healthz (the process is alive: a liveness probe) and /readyz (active in the cluster and the
/// database answering: a readiness probe), on its HTTP port only.
/// </summary>
public sealed class HealthTests
{
    private static readonly TimeSpan Starting = TimeSpan.FromSeconds(60);

    [ClusterFact]
    public async Task Readyz_is_ready_once_the_silo_is_active_in_the_membership_and_healthz_says_alive()
    {
        await using var db = await TestDatabase.CreateAsync();
        int port = SiloProcess.FreePort();
        await using var silo = SiloProcess.Start(db.ConnectionString, "silo-health", SiloCluster.BarEvaluationsPerItem, httpPort: port);
        using var http = new SiloHttp(port);

        var ready = await Poll.UntilAsync(() => http.GetAsync("/readyz"), a => a?.Status == HttpStatusCode.OK, Starting, "/readyz to answer 200", () => silo.Log);
        var membership = await new MembershipTable(db.ConnectionString).StatusOfAsync(silo.Port);
        var alive = await http.GetAsync("/healthz");

        Assert.Equal(MembershipTable.Active, membership);
        Assert.Equal("ready\ncluster: active in the cluster\ndatabase: reachable\n", ready!.Body);
        Assert.Equal(HttpStatusCode.OK, alive?.Status);
        Assert.Equal("alive\n", alive!.Body);
    }

    [ClusterFact]
    public async Task Health_is_served_on_the_HTTP_port_only()
    {
        await using var db = await TestDatabase.CreateAsync();
        int port = SiloProcess.FreePort(), dashboard = SiloProcess.FreePort();
        await using var silo = SiloProcess.Start(db.ConnectionString, "silo-health-port", SiloCluster.BarEvaluationsPerItem, dashboardPort: dashboard, httpPort: port);
        using var http = new SiloHttp(port);
        using var dashboardHttp = new SiloHttp(dashboard);
        await Poll.UntilAsync(() => http.GetAsync("/healthz"), a => a?.Status == HttpStatusCode.OK, Starting, "/healthz to answer 200", () => silo.Log);

        // The dashboard's port is Kestrel's too: the silo's own paths are not found there, nor under another port's name.
        Assert.Equal(HttpStatusCode.NotFound, (await dashboardHttp.GetAsync("/healthz"))?.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await dashboardHttp.GetAsync("/metrics"))?.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/readyz", host: $"127.0.0.1:{dashboard}"))?.Status);
    }

    [ClusterFact]
    public async Task Readyz_is_unavailable_while_the_database_is_down_and_healthz_stays_alive()
    {
        await using var server = await PrivatePostgres.StartAsync();
        int port = SiloProcess.FreePort();
        await using var silo = SiloProcess.Start(server.ConnectionString, "silo-health-db", SiloCluster.BarEvaluationsPerItem, httpPort: port);
        using var http = new SiloHttp(port);
        await Poll.UntilAsync(() => http.GetAsync("/readyz"), a => a?.Status == HttpStatusCode.OK, Starting, "/readyz to answer 200", () => silo.Log);

        // Down long enough for a loaded machine to stop the server and a probe (3 s at most) to notice.
        var down = TimeSpan.FromSeconds(12);
        var outage = server.RestartAsync(down);
        var unready = await Poll.UntilAsync(
            () => http.GetAsync("/readyz"), a => a?.Status == HttpStatusCode.ServiceUnavailable, down, "/readyz to answer 503", () => silo.Log);
        var aliveMeanwhile = await http.GetAsync("/healthz");
        await outage;
        var readyAgain = await Poll.UntilAsync(
            () => http.GetAsync("/readyz"), a => a?.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "/readyz to answer 200 again", () => silo.Log);

        Assert.StartsWith("unready\ncluster: active in the cluster\ndatabase: unreachable: ", unready!.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, aliveMeanwhile?.Status);
        Assert.EndsWith("database: reachable\n", readyAgain!.Body, StringComparison.Ordinal);
        Assert.False(silo.HasExited, silo.Log);
    }
}
