using System.Diagnostics;
using QuantCluster.Cluster.Tests.Support;

namespace QuantCluster.Cluster.Tests.Hosting;

/// <summary>
/// The Grafana dashboards against real data: a real Prometheus scrapes a real silo's /metrics every second
/// during a real sweep, and then every query of every panel runs against it.
/// </summary>
public sealed class DashboardQueryTests
{
    [PrometheusFact]
    public async Task Every_dashboard_query_returns_data_scraped_from_a_silo_during_a_sweep()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        int http = SiloProcess.FreePort();
        await using var silo = SiloProcess.Start(db.ConnectionString, "silo-metrics", SiloCluster.BarEvaluationsPerItem, httpPort: http);
        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{http}");
        string Logs() => $"{silo.Log}\n{prometheus.Log}";
        await Poll.UntilAsync(
            async () => PrometheusServer.Values(await prometheus.QueryAsync($"up{{job=\"{PrometheusServer.Job}\"}}")),
            up => up.Count == 1 && up[0] == 1, TimeSpan.FromSeconds(60), "Prometheus to scrape the silo", Logs);

        var clock = Stopwatch.StartNew();
        var report = await new ClusterCommands(db.ConnectionString).SweepAndWatchAsync(sweep.Arguments);
        string job = (string)report["job_id"]!;
        // Scraped after the end: the job's last progress is in Prometheus.
        await Poll.UntilAsync(
            async () => PrometheusServer.Values(await prometheus.QueryAsync($"quant_job_progress{{job_id=\"{job}\"}}")),
            progress => progress is [1], TimeSpan.FromSeconds(30), "Prometheus to scrape the job's end", Logs);

        // A rate window that holds the whole sweep, so every rate has seen it move.
        string window = $"{(int)clock.Elapsed.TotalSeconds + 15}s";
        var failures = new List<string>();
        foreach (var (where, query) in DashboardQueries.PanelQueries(job, window))
        {
            var answer = await prometheus.QueryAsync(query);
            var values = PrometheusServer.Values(answer);
            if ((string?)answer["status"] != "success")
            {
                failures.Add($"{where}: {query}\n  {answer["errorType"]}: {answer["error"]}");
            }
            else if (values.Count == 0 || values.Any(v => !double.IsFinite(v)))
            {
                failures.Add($"{where}: {query}\n  returned [{string.Join(", ", values)}]");
            }
        }

        foreach (var (where, metric, label) in DashboardQueries.LabelValueQueries())
        {
            if (!(await prometheus.LabelValuesAsync(metric, label)).Contains(job))
            {
                failures.Add($"{where}: label_values({metric}, {label}) does not offer job {job}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} dashboard queries failed:\n{string.Join('\n', failures)}");
        Assert.True(DashboardQueries.PanelQueries(job, window).Count() >= 10, "the dashboards hold fewer queries than they should; were they read?");
    }

    [PrometheusFact]
    public async Task The_scraped_figures_are_the_sweep_s_own()
    {
        using var sweep = new SmaSweep();
        await using var db = await TestDatabase.CreateAsync();
        int http = SiloProcess.FreePort();
        await using var silo = SiloProcess.Start(db.ConnectionString, "silo-figures", SiloCluster.BarEvaluationsPerItem, httpPort: http);
        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{http}");
        string Logs() => $"{silo.Log}\n{prometheus.Log}";

        var report = await new ClusterCommands(db.ConnectionString).SweepAndWatchAsync(sweep.Arguments);
        string job = (string)report["job_id"]!;
        await Poll.UntilAsync(
            async () => PrometheusServer.Values(await prometheus.QueryAsync($"quant_job_progress{{job_id=\"{job}\"}}")),
            progress => progress is [1], TimeSpan.FromSeconds(90), "Prometheus to scrape the job's end", Logs);

        // The silo ran this job alone, from its start, with no fault: its counters are the job's.
        long sets = (long)report["parameter_sets"]!, bars = (long)report["bars"]!;
        Assert.Equal([sets], PrometheusServer.Values(await prometheus.QueryAsync("sum(quant_evaluations_total)")));
        Assert.Equal([sets * bars], PrometheusServer.Values(await prometheus.QueryAsync("sum(quant_bar_evaluations_total)")));
        Assert.Equal([0], PrometheusServer.Values(await prometheus.QueryAsync("sum(quant_items_failed_total) + sum(quant_items_reassigned_total)")));
        double best = (double)report["leaderboard"]![0]!["metrics"]!["sharpe"]!;
        double scraped = Assert.Single(PrometheusServer.Values(await prometheus.QueryAsync($"quant_job_best_objective{{job_id=\"{job}\",objective=\"sharpe\"}}")));
        Assert.Equal(best, scraped, 1e-9);
        Assert.Equal([1], PrometheusServer.Values(await prometheus.QueryAsync("max(quant_silos_active)")));
    }
}
